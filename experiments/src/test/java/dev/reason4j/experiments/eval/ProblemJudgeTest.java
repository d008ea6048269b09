package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.datasets.synthetic.Generators;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.code.CodeVerifier;
import dev.reason4j.verifiers.code.CodeVerifierConfig;
import dev.reason4j.verifiers.code.ExecResult;
import dev.reason4j.verifiers.code.Sandbox;
import dev.reason4j.verifiers.code.UnsafeLocalSandbox;
import dev.reason4j.verifiers.countdown.CountdownVerifier;
import dev.reason4j.verifiers.math.MathVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemJudgeTest {
    private static final String R1_PROMPT = "... User: What is 2+2?\nAssistant: <think>";

    private static Problem math(String answer) {
        return Problem.math("m", Prompt.text("q"), answer, Map.of());
    }

    private static Problem countdown(List<?> numbers, Object target) {
        return Problem.math("cd", Prompt.text("q"), String.valueOf(target), Map.of("numbers", numbers, "target", target));
    }

    @Test
    void mathResponseContinuingAnOpenThinkIsJudgedWithItsAnswerAndLayout() {
        try (ProblemJudge judge = new ProblemJudge()) {
            Judgement j = judge.judge(math("4"), R1_PROMPT, "2+2 is 4</think> <answer>4</answer>");
            assertEquals(ProblemKind.MATH, j.kind());
            assertTrue(j.correct());
            assertEquals("4", j.answer());
            assertTrue(j.r1Layout());
        }
    }

    @Test
    void mathResponseThatNeverClosesTheOpenThinkHasNoAnswer() {
        try (ProblemJudge judge = new ProblemJudge()) {
            Judgement j = judge.judge(math("4"), R1_PROMPT, "2+2 is 4, the answer is 4");
            assertEquals(Kind.NO_ANSWER, j.verdict().kind());
            assertFalse(j.answerFound());
            assertFalse(j.r1Layout());
        }
    }

    @Test
    void mathAnswersAreComparedByValueWithoutAThinkPrompt() {
        try (ProblemJudge judge = new ProblemJudge()) {
            Judgement half = judge.judge(math("0.5"), "q", "so $\\boxed{\\frac12}$");
            assertTrue(half.correct());
            assertTrue(half.answerFound());
            assertFalse(half.r1Layout());
            Judgement decimal = judge.judge(math("0.5"), "q", "\\boxed{0.50}");
            assertTrue(judge.sameAnswer(math("0.5"), half, decimal));
            assertFalse(judge.sameAnswer(math("0.5"), half, judge.judge(math("0.5"), "q", "\\boxed{2}")));
        }
    }

    @Test
    void countdownProblemsUseTheCountdownVerifierNotTheTargetAsAnAnswer() {
        Problem p = countdown(List.of(3, 5, 3), 24);
        try (ProblemJudge judge = new ProblemJudge()) {
            Judgement right = judge.judge(p, "", "<answer>(3 + 5) * 3</answer>");
            assertEquals(ProblemKind.COUNTDOWN, right.kind());
            assertTrue(right.correct());
            assertEquals("(3 + 5) * 3", right.answer());
            Judgement justTarget = judge.judge(p, "", "<answer>24</answer>");
            assertEquals(Kind.WRONG_ANSWER, justTarget.verdict().kind(), "the math verifier would have accepted 24");
            Judgement otherRight = judge.judge(p, "", "<answer>3 * (5 + 3)</answer>");
            assertTrue(judge.sameAnswer(p, right, otherRight), "every correct expression is the same answer");
            assertFalse(judge.sameAnswer(p, right, justTarget));
            Judgement wrongAgain = judge.judge(p, "", "<answer> 24</answer>");
            assertTrue(judge.sameAnswer(p, justTarget, wrongAgain), "wrong expressions agree up to whitespace");
        }
    }

    @Test
    void generatedCountdownProblemsAreJudgedByTheirOwnSolution() {
        Problem p = Generators.named("countdown").generate(1, 5).get(0);
        try (ProblemJudge judge = new ProblemJudge()) {
            assertTrue(judge.judge(p, "", (String) p.metadata().get("solution")).correct());
        }
    }

    @Test
    void unreadableCountdownMetadataCannotBeJudged() {
        try (ProblemJudge judge = new ProblemJudge()) {
            Judgement j = judge.judge(countdown(List.of("three"), 24), "", "<answer>3</answer>");
            assertEquals(Kind.NOT_APPLICABLE, j.verdict().kind());
            assertTrue(j.verdict().reason().contains("numbers"), j.verdict().reason());
        }
    }

    @Test
    void codeProblemsRunTheirTestsStdioAndCallBased() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        Problem stdio = new Problem("c1", Prompt.text("double it"), null, null,
                List.of(CodeTest.stdio("3\n", "6\n"), CodeTest.stdio("5\n", "10\n")), Map.of());
        Problem call = new Problem("c2", Prompt.text("add"), null, "add", List.of(CodeTest.call("[1, 2]", "3")), Map.of());
        try (ProblemJudge judge = new ProblemJudge(new MathVerifier(), new CountdownVerifier(),
                () -> CodeVerifier.withSandbox(CodeVerifierConfig.defaults(), new UnsafeLocalSandbox()))) {
            Judgement ok = judge.judge(stdio, "", "```python\nprint(int(input()) * 2)\n```");
            assertEquals(ProblemKind.CODE, ok.kind());
            assertTrue(ok.correct(), ok.verdict().reason());
            assertTrue(ok.answer().contains("print"));
            assertEquals(Kind.WRONG_ANSWER, judge.judge(stdio, "", "```python\nprint(6)\n```").verdict().kind());
            assertTrue(judge.judge(call, "", "```python\ndef add(a, b):\n    return a + b\n```").correct());
            assertEquals("2 code tests", ProblemJudge.reference(stdio));
        }
    }

    @Test
    void aBrokenSandboxIsAnUnjudgedVerdictAndBadTestJsonIsNotApplicable() {
        Sandbox broken = (command, stdin, workDir, limits) -> new ExecResult(ExecResult.Status.SANDBOX_FAILURE, -1, new byte[0],
                "no namespaces".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ZERO);
        Problem stdio = new Problem("c1", Prompt.text("q"), null, null, List.of(CodeTest.stdio("", "1\n")), Map.of());
        Problem badJson = new Problem("c2", Prompt.text("q"), null, "f", List.of(CodeTest.call("[1,", "1")), Map.of());
        try (ProblemJudge judge = new ProblemJudge(new MathVerifier(), new CountdownVerifier(),
                () -> CodeVerifier.withSandbox(CodeVerifierConfig.defaults(), broken))) {
            assertEquals(Kind.INFRASTRUCTURE_FAILURE, judge.judge(stdio, "", "```python\nprint(1)\n```").verdict().kind());
            Judgement bad = judge.judge(badJson, "", "```python\ndef f(x): return x\n```");
            assertEquals(Kind.NOT_APPLICABLE, bad.verdict().kind());
            assertTrue(bad.verdict().reason().contains("invalid JSON"), bad.verdict().reason());
        }
    }
}
