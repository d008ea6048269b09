package dev.reason4j.verifiers.code;

import static dev.reason4j.verifiers.code.SandboxedTests.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ordinary programs in the real sandbox: verdict kinds, scores and output comparison. */
@Timeout(30)
class CodeVerifierTest {

    private static final String DOUBLER = python("n = int(input())\nprint(2 * n)");
    private static CodeVerifier verifier;

    @BeforeAll
    static void startSandbox() {
        verifier = SandboxedTests.verifier();
    }

    @AfterAll
    static void stopSandbox() {
        if (verifier != null) {
            verifier.close();
        }
    }

    @Test
    void correctProgramPassesAllTests() {
        Verdict verdict = verifier.verify(DOUBLER, List.of(new StdioTest("21\n", "42\n"), new StdioTest("-5", "-10")));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
        assertEquals(1.0, verdict.score());
        assertEquals("n = int(input())\nprint(2 * n)\n", verdict.extracted());
    }

    @Test
    void wrongProgramIsWrongAnswerWithScoreZero() {
        Verdict verdict = verifier.verify(python("print(int(input()) + 2)"), List.of(new StdioTest("21", "42"), new StdioTest("3", "6")));
        assertEquals(Kind.WRONG_ANSWER, verdict.kind());
        assertEquals(0.0, verdict.score());
        assertTrue(verdict.reason().contains("expected '42', got '23'"), verdict.reason());
    }

    @Test
    void partlyRightProgramScoresTheFractionPassed() {
        Verdict verdict = verifier.verify(python("n = int(input())\nprint(4 if n == 2 else n)"),
                List.of(new StdioTest("2", "4"), new StdioTest("3", "6")));
        assertEquals(Kind.WRONG_ANSWER, verdict.kind());
        assertEquals(0.5, verdict.score());
        assertTrue(verdict.reason().startsWith("1/2 tests passed; test 2"), verdict.reason());
    }

    @Test
    void crashingProgramIsRuntimeError() {
        Verdict verdict = verifier.verify(python("print(1 // int(input()))"), List.of(new StdioTest("0", "0")));
        assertEquals(Kind.RUNTIME_ERROR, verdict.kind());
        assertTrue(verdict.reason().contains("ZeroDivisionError"), verdict.reason());
    }

    @Test
    void syntaxErrorIsCompileError() {
        Verdict verdict = verifier.verify(python("print((1 + 2)"), List.of(new StdioTest("", "3")));
        assertEquals(Kind.COMPILE_ERROR, verdict.kind());
        assertTrue(verdict.reason().contains("SyntaxError"), verdict.reason());
    }

    @Test
    void syntaxErrorRaisedAtRunTimeIsARuntimeError() {
        Verdict verdict = verifier.verify(python("eval('1 +')"), List.of(new StdioTest("", "3")));
        assertEquals(Kind.RUNTIME_ERROR, verdict.kind(), verdict.reason());
    }

    @Test
    void trailingWhitespaceAndBlankLinesAreIgnored() {
        Verdict verdict = verifier.verify(python("print('1 2   ')\nprint('3\\t')\nprint()\nprint()"),
                List.of(new StdioTest("", "1 2\n3")));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @Test
    void integersMustMatchExactly() {
        Verdict verdict = verifier.verify(python("print(123457)"), List.of(new StdioTest("", "123456")));
        assertEquals(Kind.WRONG_ANSWER, verdict.kind());
    }

    @Test
    void floatsMatchWithinTheTolerance() {
        List<StdioTest> third = List.of(new StdioTest("", "0.333333333"));
        assertEquals(Kind.CORRECT, verifier.verify(python("print(1/3)"), third).kind());
        assertEquals(Kind.WRONG_ANSWER, verifier.verify(python("print(0.3334)"), third).kind());
    }

    @Test
    void responseWithoutCodeIsNoAnswer() {
        Verdict verdict = verifier.verify("The answer is 42.", List.of(new StdioTest("", "42")));
        assertEquals(Kind.NO_ANSWER, verdict.kind());
        assertEquals("", verdict.extracted());
    }

    @Test
    void noTestsIsNotApplicable() {
        assertEquals(Kind.NOT_APPLICABLE, verifier.verify(DOUBLER, List.of()).kind());
    }

    @Test
    void callBasedCorrectFunction() {
        String program = python("def add(a, b):\n    print('debug output is not the result')\n    return a + b");
        Verdict verdict = verifier.verifyCallBased(program, "add",
                List.of(new CallTest(List.of(1, 2), 3), new CallTest(List.of(List.of(1), List.of(2)), List.of(1, 2))));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @Test
    void callBasedWrongResult() {
        Verdict verdict = verifier.verifyCallBased(python("def add(a, b):\n    return a - b"), "add",
                List.of(new CallTest(List.of(1, 2), 3), new CallTest(List.of(2, 0), 2)));
        assertEquals(Kind.WRONG_ANSWER, verdict.kind());
        assertEquals(0.5, verdict.score());
        assertTrue(verdict.reason().contains("$: expected 3, got -1"), verdict.reason());
    }

    @Test
    void callBasedFloatsMatchWithinTheTolerance() {
        List<CallTest> tests = List.of(new CallTest(List.of(1, 3), 0.3333333));
        assertEquals(Kind.CORRECT, verifier.verifyCallBased(python("def div(a, b):\n    return a / b"), "div", tests).kind());
        assertEquals(Kind.WRONG_ANSWER, verifier.verifyCallBased(python("def div(a, b):\n    return round(a / b, 2)"), "div", tests).kind());
    }

    @Test
    void callBasedComparesStructuresAndTypes() {
        String program = python("def f(x):\n    return {'sorted': sorted(x), 'n': len(x), 'ok': True, 'none': None}");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("n", 3);
        expected.put("ok", true);
        expected.put("sorted", List.of(1, 2, 3));
        expected.put("none", null);
        List<Object> args = List.of(List.of(3, 1, 2));
        assertEquals(Kind.CORRECT, verifier.verifyCallBased(program, "f", List.of(new CallTest(args, expected))).kind());
        expected.put("ok", 1);
        assertEquals(Kind.WRONG_ANSWER, verifier.verifyCallBased(program, "f", List.of(new CallTest(args, expected))).kind());
    }

    @Test
    void callBasedFindsASolutionClassMethod() {
        String program = python("class Solution:\n    def twice(self, xs):\n        return [2 * x for x in xs]");
        Verdict verdict = verifier.verifyCallBased(program, "twice", List.of(new CallTest(List.of(List.of(1, 2)), List.of(2, 4))));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @Test
    void callBasedMissingFunctionIsRuntimeError() {
        Verdict verdict = verifier.verifyCallBased(python("def other():\n    return 1"), "add", List.of(new CallTest(List.of(), 1)));
        assertEquals(Kind.RUNTIME_ERROR, verdict.kind());
        assertTrue(verdict.reason().contains("no function named 'add'"), verdict.reason());
    }

    @Test
    void callBasedNullArgumentAndResult() {
        Verdict verdict = verifier.verifyCallBased(python("def f(x):\n    return None if x is None else 1"), "f",
                List.of(new CallTest(Arrays.asList((Object) null), null)));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @Test
    void manyChecksRunInParallelInInputOrder() {
        List<CodeCheck> checks = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String expected = i % 2 == 0 ? Integer.toString(2 * i) : "-1";
            checks.add(CodeCheck.stdio(DOUBLER, List.of(new StdioTest(Integer.toString(i), expected))));
        }
        checks.add(CodeCheck.callBased(python("def f():\n    return 7"), "f", List.of(new CallTest(List.of(), 7))));
        List<Verdict> verdicts = verifier.verifyAll(checks);
        for (int i = 0; i < 8; i++) {
            assertEquals(i % 2 == 0 ? Kind.CORRECT : Kind.WRONG_ANSWER, verdicts.get(i).kind(), "check " + i);
        }
        assertEquals(Kind.CORRECT, verdicts.get(8).kind());
    }

    @Test
    void sameProgramSameVerdict() {
        String program = python("print(hash('reason4j') % 1000)");
        String first = verifier.verify(program, List.of(new StdioTest("", "0"))).reason();
        assertEquals(first, verifier.verify(program, List.of(new StdioTest("", "0"))).reason(), "PYTHONHASHSEED is fixed");
    }

    @Test
    void benchmarkCountsCorrectChecks() {
        assertTrue(CodeBench.checksPerSecond(4, 2) > 0);
    }
}
