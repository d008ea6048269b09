package dev.reason4j.experiments.eval;

import static dev.reason4j.experiments.eval.ScriptedEngine.cut;
import static dev.reason4j.experiments.eval.ScriptedEngine.problem;
import static dev.reason4j.experiments.eval.ScriptedEngine.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.rollout.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three problems × four scripted samples with known correct counts, so every number is exact. */
class EvaluatorScriptedTest {
    private static final List<Problem> PROBLEMS = List.of(problem(0, "4"), problem(1, "7"), problem(2, "10"));
    private static final EvalSettings SETTINGS = EvalSettings.r1(PromptTemplates.named("r1_zero"), 4, 64, 123).withGreedy(true);

    private final ProblemJudge judge = new ProblemJudge();

    @AfterEach
    void close() {
        judge.close();
    }

    /** The r1_zero prompt opens {@code <think>}, so each completion continues inside it. */
    private static ScriptedEngine engine() {
        List<List<Completion>> sampled = List.of(
                List.of(stop("a</think><answer>4</answer>", 10), stop("a</think><answer>4</answer>", 10),
                        stop("a</think><answer>4</answer>", 10), stop("a</think><answer>5</answer>", 10)),
                List.of(stop("b</think><answer>7</answer>", 10), stop("b</think><answer>8</answer>", 10),
                        stop("b</think><answer>8</answer>", 10), stop("b</think><answer>7.0</answer>", 10)),
                List.of(cut("no idea", 20), stop("c</think><answer>3</answer>", 10),
                        stop("c</think><answer>3</answer>", 10), stop("c</think><answer>10</answer>", 10)));
        List<Completion> greedy = List.of(stop("g</think><answer>4</answer>", 5), stop("g</think><answer>8</answer>", 5),
                stop("g</think><answer>10</answer>", 5));
        return new ScriptedEngine(sampled, greedy);
    }

    @Test
    void summaryNumbersAreExactForKnownCorrectCounts() {
        EvalSummary s = new Evaluator(engine(), ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS).summary();
        assertEquals(3, s.problems());
        assertEquals(4, s.k());
        assertEquals(12, s.samples());
        assertEquals(0.5, s.passAt1(), 1e-12, "(3/4 + 2/4 + 1/4) / 3");
        assertEquals(List.of(1, 2, 4), List.copyOf(s.passAtK().keySet()));
        assertEquals(0.5, s.passAtK().get(1), 1e-12);
        assertEquals(7.0 / 9, s.passAtK().get(2), 1e-12, "(1 + 5/6 + 1/2) / 3");
        assertEquals(1.0, s.passAtK().get(4), 1e-12);
        assertEquals(2.0 / 3, s.majAtK(), 1e-12, "4 wins; 7 wins its tie with 8; 3 beats 10");
        assertEquals(2.0 / 3, s.greedyAccuracy(), 1e-12);
        assertEquals(11.0 / 12, s.formatR1(), 1e-12, "all but the unfinished 'no idea'");
        assertEquals(11.0 / 12, s.formatAnswer(), 1e-12);
        assertEquals(130.0 / 12, s.meanCompletionTokens(), 1e-12);
        assertEquals(1.0 / 12, s.truncationRate(), 1e-12);
        assertEquals(0, s.unjudgedSamples());
        assertEquals("r1_zero", s.settings().get("template"));
        assertEquals(0.6, s.settings().get("temperature"));
        assertTrue(s.wallS() >= 0);
    }

    @Test
    void perProblemRowsCarryCountsMajorityAndSamples() {
        List<ProblemResult> rows = new Evaluator(engine(), ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS).problems();
        ProblemResult tie = rows.get(1);
        assertEquals("p1", tie.id());
        assertEquals("math", tie.kind());
        assertEquals("7", tie.reference());
        assertEquals(2, tie.c());
        assertEquals(4, tie.n());
        assertEquals(0.5, tie.passAt1());
        assertEquals("7", tie.majAnswer(), "tie 2–2: the group first seen at sample 0");
        assertEquals(2, tie.majVotes());
        assertTrue(tie.majCorrect());
        assertTrue(tie.prompt().endsWith("Q1\nAssistant: <think>"), tie.prompt());
        assertFalse(tie.greedy().correct());

        ProblemResult wrongMajority = rows.get(2);
        assertEquals("3", wrongMajority.majAnswer());
        assertFalse(wrongMajority.majCorrect());
        SampleResult unfinished = wrongMajority.samples().get(0);
        assertEquals("no idea", unfinished.text());
        assertEquals("no_answer", unfinished.verdict());
        assertEquals("length", unfinished.finishReason());
        assertEquals(20, unfinished.length());
        assertFalse(unfinished.answerFound());
        SampleResult right = wrongMajority.samples().get(3);
        assertEquals("10", right.extracted());
        assertTrue(right.correct() && right.formatR1());
    }

    @Test
    void eachProblemSamplesUnderItsOwnSeedAndGreedyIsTemperatureZero() {
        ScriptedEngine engine = engine();
        new Evaluator(engine, ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS);
        List<GenerationRequest> sampled = engine.seen.stream().filter(r -> !r.params().greedy()).toList();
        assertEquals(3, sampled.size());
        for (int i = 0; i < 3; i++) {
            GenerationRequest r = sampled.get(i);
            assertEquals(i, r.promptIds()[0]);
            assertEquals(4, r.n());
            assertEquals(Evaluator.problemSeed(123, i), r.params().seed());
            assertEquals(0.6, r.params().temperature());
            assertEquals(0.95, r.params().topP());
            assertEquals(64, r.params().maxNewTokens());
        }
        assertEquals(3, engine.seen.stream().filter(r -> r.params().greedy() && r.n() == 1).count());
        assertTrue(Evaluator.problemSeed(123, 0) != Evaluator.problemSeed(123, 1));
        assertTrue(Evaluator.problemSeed(123, 0) != Evaluator.problemSeed(124, 0));
    }

    @Test
    void resultsDoNotDependOnBatching() {
        ScriptedEngine one = engine();
        ScriptedEngine all = engine();
        EvalResults byOne = new Evaluator(one, ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS.withProblemsPerBatch(1));
        EvalResults together = new Evaluator(all, ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS);
        assertEquals(EvalFiles.line(byOne.problems()), EvalFiles.line(together.problems()));
        assertEquals(one.seen.stream().map(r -> r.params().seed()).sorted().toList(),
                all.seen.stream().map(r -> r.params().seed()).sorted().toList());
    }

    @Test
    void filesRoundTripAndNamesAreSnakeCase(@TempDir Path dir) throws Exception {
        EvalResults results = new Evaluator(engine(), ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS);
        EvalFiles.write(dir, results);
        assertEquals(3, Files.readAllLines(dir.resolve("results.jsonl")).size());
        String summary = Files.readString(dir.resolve("summary.json"));
        for (String key : List.of("\"pass_at_1\"", "\"pass_at_k\"", "\"maj_at_k\"", "\"greedy_accuracy\"", "\"format_r1\"",
                "\"format_answer\"", "\"mean_completion_tokens\"", "\"truncation_rate\"", "\"wall_s\"")) {
            assertTrue(summary.contains(key), key + " in " + summary);
        }
        String firstRow = Files.readAllLines(dir.resolve("results.jsonl")).get(0);
        for (String key : List.of("\"id\"", "\"c\"", "\"n\"", "\"pass_at_1\"", "\"maj_answer\"", "\"finish_reason\"", "\"extracted\"")) {
            assertTrue(firstRow.contains(key), key + " in " + firstRow);
        }
        EvalResults back = EvalFiles.read(dir);
        assertEquals(EvalFiles.line(results.problems()), EvalFiles.line(back.problems()));
        assertEquals(EvalFiles.line(results.summary()), EvalFiles.line(back.summary()));
    }

    @Test
    void withoutGreedyTheGreedyAccuracyIsNotMeasured() {
        EvalResults r = new Evaluator(engine(), ScriptedEngine.encoder(), judge).evaluate(PROBLEMS, SETTINGS.withGreedy(false));
        assertNull(r.summary().greedyAccuracy());
        assertNull(r.problems().get(0).greedy());
    }

    @Test
    void anEngineThatReturnsTooFewCompletionsIsCaught() {
        ScriptedEngine shortChanged = new ScriptedEngine(List.of(List.of(stop("x", 1))), List.of());
        Evaluator evaluator = new Evaluator(shortChanged, ScriptedEngine.encoder(), judge);
        EvalSettings two = EvalSettings.r1(PromptTemplates.named("plain"), 2, 8, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> evaluator.evaluate(List.of(problem(0, "1")), two));
        assertTrue(e.getMessage().contains("asked for 2"), e.getMessage());
    }

    @Test
    void passAtKAboveTheSampleCountIsRefusedBeforeSampling() {
        var e = assertThrows(dev.reason4j.core.Reason4jException.class,
                () -> EvalSettings.r1(PromptTemplates.named("plain"), 4, 8, 0).withPassAtK(List.of(1, 8)));
        assertTrue(e.getMessage().contains("pass@8"), e.getMessage());
        assertEquals(List.of(1, 2, 4, 6), EvalSettings.defaultPassAtK(6));
    }
}
