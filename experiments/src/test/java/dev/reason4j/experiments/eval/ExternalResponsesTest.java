package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalResponsesTest {
    @TempDir
    Path dir;

    private final ProblemJudge judge = new ProblemJudge();

    @AfterEach
    void close() {
        judge.close();
    }

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("responses.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private EvalResults score(Path f, List<Problem> known, Integer k) {
        return Evaluator.scoreExternal(f, known, k, null, judge);
    }

    @Test
    void everyDocumentedRowShapeIsScoredWithTheSameEstimators() throws IOException {
        Path f = file(
                "{\"id\": \"a\", \"responses\": [\"\\\\boxed{4}\", \"\\\\boxed{5}\"], \"answer\": \"4\", \"finish_reasons\": [\"stop\", \"stop\"]}",
                "",
                "{\"id\": \"a\", \"response\": \"so \\\\boxed{4}\", \"finish_reason\": \"length\"}",
                "{\"question\": \"What is 2+2?\", \"responses\": [\"<think>x</think><answer>4</answer>\", \"<answer>5</answer>\"], \"answer\": 4}",
                "{\"id\": \"cd\", \"responses\": [\"<answer>(3+5)*3</answer>\", \"<answer>3+5+3</answer>\"], \"numbers\": [3, 5, 3], \"target\": 24}",
                "{\"id\": \"known\", \"responses\": [\"<answer>12</answer>\", \"\\\\boxed{12}\"]}");
        Problem known = Problem.math("known", Prompt.text("7+5?"), "12", Map.of());
        EvalResults r = score(f, List.of(known), null);
        List<ProblemResult> rows = r.problems();
        assertEquals(List.of("a", "What is 2+2?", "cd", "known"), rows.stream().map(ProblemResult::id).toList());
        assertEquals(List.of(2, 1, 1, 2), rows.stream().map(ProblemResult::c).toList());
        assertEquals(List.of(3, 2, 2, 2), rows.stream().map(ProblemResult::n).toList());
        assertEquals("countdown", rows.get(2).kind());
        assertEquals("length", rows.get(0).samples().get(2).finishReason());
        assertEquals("stop", rows.get(0).samples().get(0).finishReason());
        assertNull(rows.get(1).samples().get(0).finishReason());
        EvalSummary s = r.summary();
        assertEquals(2, s.k(), "the fewest responses of any problem");
        assertEquals((2.0 / 3 + 0.5 + 0.5 + 1) / 4, s.passAt1(), 1e-12);
        assertEquals(List.of(1, 2), List.copyOf(s.passAtK().keySet()));
        // pass@2: a: 1 − C(1,2)/C(3,2) = 1; the rest 1 (one of two right, or both)
        assertEquals(1.0, s.passAtK().get(2), 1e-12);
        assertEquals(1.0 / 9, s.formatR1(), 1e-12);
        assertNull(s.meanCompletionTokens(), "token counts are unknown for external responses");
        assertEquals(1.0 / 3, s.truncationRate(), 1e-12, "only the rows that gave a finish reason count");
        // maj@2 votes over the first two: a: 4 vs 5 tie → 4 (first); q: 4 vs 5 → 4; cd: correct first; known: 12
        assertEquals(1.0, s.majAtK(), 1e-12);
    }

    @Test
    void aPromptEndingInThinkMakesTheCompletionContinueTheBlock() throws IOException {
        Path f = file("{\"id\": \"t\", \"prompt\": \"User: 2+2?\\nAssistant: <think>\", \"responses\": "
                + "[\"2+2=4</think><answer>4</answer>\", \"4\"], \"answer\": \"4\"}");
        ProblemResult row = score(f, List.of(), null).problems().get(0);
        assertTrue(row.samples().get(0).formatR1());
        assertTrue(row.samples().get(0).correct());
        assertEquals("no_answer", row.samples().get(1).verdict(), "never closed the <think> the prompt opened");
    }

    @Test
    void badRowsAreUserErrorsNamingFileAndLine() throws IOException {
        assertMessage(file("{\"id\": \"a\", \"response\": \"4\", \"answer\": 4}", "{not json"), "responses.jsonl:2", "not valid JSON");
        assertMessage(file("{\"id\": \"a\", \"answer\": 4}"), "responses.jsonl:1", "\"responses\"");
        assertMessage(file("{\"id\": \"a\", \"responses\": [1, 2], \"answer\": 4}"), "responses.jsonl:1", "must hold strings");
        assertMessage(file("{\"id\": \"a\", \"response\": \"4\"}"), "responses.jsonl:1", "no reference");
        assertMessage(file("{\"response\": \"4\", \"answer\": 4}"), "responses.jsonl:1", "\"id\"");
        assertMessage(file("[1, 2]"), "responses.jsonl:1", "JSON object");
        assertMessage(file("{\"id\": \"a\", \"response\": \"4\", \"answer\": 4}", "{\"id\": \"a\", \"response\": \"4\", \"answer\": 5}"),
                "responses.jsonl:2", "must agree");
        assertMessage(file("{\"id\": \"a\", \"response\": \"4\", \"answer\": 4, \"finish_reason\": \"eos\"}"), "responses.jsonl:1", "eos");
        Reason4jException missing = assertThrows(Reason4jException.class, () -> score(dir.resolve("nope.jsonl"), List.of(), null));
        assertTrue(missing.getMessage().contains("nope.jsonl") && missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void kAbovetheFewestResponsesIsRefused() throws IOException {
        Path f = file("{\"id\": \"a\", \"responses\": [\"4\", \"4\", \"4\"], \"answer\": 4}", "{\"id\": \"b\", \"response\": \"4\", \"answer\": 4}");
        Reason4jException e = assertThrows(Reason4jException.class, () -> score(f, List.of(), 2));
        assertTrue(e.getMessage().contains("problem b") && e.getMessage().contains("responses.jsonl:2"), e.getMessage());
        Reason4jException ks = assertThrows(Reason4jException.class, () -> Evaluator.scoreExternal(f, List.of(), 1, List.of(2), judge));
        assertTrue(ks.getMessage().contains("pass@2"), ks.getMessage());
    }

    private void assertMessage(Path f, String where, String what) {
        Reason4jException e = assertThrows(Reason4jException.class, () -> score(f, List.of(), null));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }
}
