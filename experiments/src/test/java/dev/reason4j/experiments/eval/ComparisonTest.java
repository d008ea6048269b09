package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.eval.Comparison.Change;
import dev.reason4j.experiments.eval.Comparison.ProblemDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    /** A problem whose samples are right where {@code correct} says; its majority is right when {@code majCorrect}. */
    static ProblemResult problem(String id, boolean majCorrect, boolean... correct) {
        List<SampleResult> samples = new ArrayList<>();
        int c = 0;
        for (boolean ok : correct) {
            samples.add(new SampleResult(ok ? "right" : "wrong", ok ? "1" : "2", ok, ok ? "correct" : "wrong_answer", "", "stop", 3,
                    true, true));
            c += ok ? 1 : 0;
        }
        return new ProblemResult(id, "math", "1", c, correct.length, (double) c / correct.length, majCorrect ? "1" : "2", 1,
                majCorrect, null, "", samples);
    }

    static EvalResults results(List<ProblemResult> problems, List<Integer> ks) {
        return new EvalResults(problems, EvalSummary.of(problems, 4, ks, 1.0, Map.of()));
    }

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void problemsAreMatchedByIdAndClassifiedWithSummaryDeltasOnTheSharedSet() {
        EvalResults base = results(List.of(problem("p1", F, T, F, F, F), problem("p2", T, T, T, F, F), problem("p3", F, F, F, F, F),
                problem("only-base", T, T, T, T, T)), List.of(1, 2, 4));
        EvalResults trained = results(List.of(problem("p3", F, F, F, F, F), problem("p1", T, T, T, T, F), problem("p2", F, T, F, F, F),
                problem("only-trained", F, F, F, F, F)), List.of(1, 2));
        Comparison cmp = Evaluator.compare(base, trained);
        assertEquals(List.of("p1", "p2", "p3"), cmp.problems().stream().map(ProblemDiff::id).toList(), "base order");
        assertEquals(List.of(Change.IMPROVED, Change.REGRESSED, Change.SAME), cmp.problems().stream().map(ProblemDiff::change).toList());
        ProblemDiff p1 = cmp.problems().get(0);
        assertEquals(0.5, p1.delta(), 1e-12);
        assertEquals(1, p1.baseC());
        assertEquals(3, p1.trainedC());
        Comparison.Summary s = cmp.summary();
        assertEquals(3, s.matched());
        assertEquals(1, s.improved());
        assertEquals(1, s.regressed());
        assertEquals(1, s.same());
        assertEquals(1, s.onlyInBase());
        assertEquals(1, s.onlyInTrained());
        assertEquals(0.25, s.metrics().get("pass_at_1").base(), 1e-12, "(1/4 + 2/4 + 0) / 3, without only-base");
        assertEquals(1.0 / 3, s.metrics().get("pass_at_1").trained(), 1e-12);
        assertEquals(1.0 / 12, s.metrics().get("pass_at_1").delta(), 1e-12);
        assertEquals(4.0 / 9, s.metrics().get("pass_at_2").base(), 1e-12, "(1/2 + 5/6 + 0) / 3");
        assertEquals(0.5, s.metrics().get("pass_at_2").trained(), 1e-12, "(1 + 1/2 + 0) / 3");
        assertTrue(!s.metrics().containsKey("pass_at_4"), "only ks both sides report");
        assertEquals(1.0 / 3, s.metrics().get("maj_at_k").base(), 1e-12);
        assertEquals(1.0 / 3, s.metrics().get("maj_at_k").trained(), 1e-12);
        assertEquals(0.0, s.metrics().get("maj_at_k").delta(), 1e-12);
        assertNull(s.metrics().get("greedy_accuracy").delta(), "not measured");
    }

    @Test
    void equalFractionsOverDifferentSampleCountsAreTheSame() {
        Comparison cmp = Evaluator.compare(results(List.of(problem("p", F, T, F)), List.of(1)),
                results(List.of(problem("p", F, T, F, T, F)), List.of(1)));
        assertEquals(Change.SAME, cmp.problems().get(0).change());
    }

    @Test
    void disjointOrDuplicatedIdsAreUserErrors() {
        EvalResults a = results(List.of(problem("a", T, T)), List.of(1));
        EvalResults b = results(List.of(problem("b", T, T)), List.of(1));
        assertThrows(Reason4jException.class, () -> Evaluator.compare(a, b));
        EvalResults twice = results(List.of(problem("a", T, T), problem("a", F, F)), List.of(1));
        Reason4jException e = assertThrows(Reason4jException.class, () -> Evaluator.compare(twice, a));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void comparisonFilesHoldOneRowPerSharedProblemAndTheSummary(@TempDir Path dir) throws Exception {
        Comparison cmp = Evaluator.compare(results(List.of(problem("p", F, F, F)), List.of(1)),
                results(List.of(problem("p", T, T, F)), List.of(1)));
        EvalFiles.writeComparison(dir, cmp);
        List<String> rows = Files.readAllLines(dir.resolve("comparison.jsonl"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).contains("\"change\":\"improved\"") && rows.get(0).contains("\"base_pass_at_1\":0.0"), rows.get(0));
        String summary = Files.readString(dir.resolve("comparison.json"));
        assertTrue(summary.contains("\"only_in_base\"") && summary.contains("\"pass_at_1\""), summary);
    }

    @Test
    void resultsRowsThatContradictThemselvesAreRejectedWithFileAndLine(@TempDir Path dir) throws Exception {
        EvalFiles.write(dir, results(List.of(problem("p", T, T, F)), List.of(1)));
        String row = Files.readString(dir.resolve("results.jsonl")).replace("\"c\":1", "\"c\":2");
        Files.writeString(dir.resolve("results.jsonl"), row);
        Reason4jException e = assertThrows(Reason4jException.class, () -> EvalFiles.read(dir));
        assertTrue(e.getMessage().contains("results.jsonl:1") && e.getMessage().contains("c = 2"), e.getMessage());
        Reason4jException missing = assertThrows(Reason4jException.class, () -> EvalFiles.read(dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
    }
}
