package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real programs in the real sandbox (bubblewrap); fails, not skips, where there is none, as the verifier's tests do. */
@Timeout(60)
class CodeRewardTest {
    private static final Map<String, Object> SHORT_LIMITS = Map.of("cpu_seconds", 1, "wall_seconds", 3);
    private static final Problem DOUBLE_IT = new Problem("double", Prompt.text("Print 2n."), null, null,
            List.of(CodeTest.stdio("2", "4"), CodeTest.stdio("3", "6")), Map.of());
    private static final Problem ADD = new Problem("add", Prompt.text("Write add(a, b)."), null, "add",
            List.of(CodeTest.call("[1, 2]", "3"), CodeTest.call("[2, 0]", "2")), Map.of());

    private static CompletionReward fraction;
    private static CompletionReward allPass;

    @BeforeAll
    static void startSandboxes() {
        RewardRegistry registry = RewardRegistry.load();
        fraction = (CompletionReward) registry.create("code", SHORT_LIMITS);
        Map<String, Object> binary = new java.util.HashMap<>(SHORT_LIMITS);
        binary.put("mode", "all_pass");
        allPass = (CompletionReward) registry.create("code", binary);
    }

    @AfterAll
    static void stopSandboxes() {
        if (fraction != null) {
            fraction.close();
        }
        if (allPass != null) {
            allPass.close();
        }
    }

    private static String python(String code) {
        return "<think>easy</think>\n```python\n" + code + "\n```\n";
    }

    @Test
    void stdioTestsGiveThePassFractionOrAllOrNothing() {
        String right = python("n = int(input())\nprint(2 * n)");
        String half = python("n = int(input())\nprint(4 if n == 2 else n)");   // passes 2 -> 4, fails 3 -> 6: 1/2
        assertEquals(1.0, fraction.score(DOUBLE_IT, completion(right)));
        assertEquals(0.5, fraction.score(DOUBLE_IT, completion(half)));
        assertEquals(1.0, allPass.score(DOUBLE_IT, completion(right)));
        assertEquals(0.0, allPass.score(DOUBLE_IT, completion(half)));
    }

    @Test
    void callBasedTestsReadTheirArgumentsFromJson() {
        assertEquals(1.0, fraction.score(ADD, completion(python("def add(a, b):\n    return a + b"))));
        assertEquals(0.5, fraction.score(ADD, completion(python("def add(a, b):\n    return a * b + 1"))));   // 1*2+1 = 3 ok, 2*0+1 = 1 wrong
    }

    @Test
    void timeOutCrashOrNoCodeIsZero() {
        Problem one = new Problem("one", Prompt.text("Print 1."), null, null, List.of(CodeTest.stdio("", "1")), Map.of());
        assertEquals(0.0, fraction.score(one, completion(python("while True:\n    pass"))));
        assertEquals(0.0, fraction.score(one, completion(python("raise SystemExit(3)"))));
        assertEquals(0.0, fraction.score(one, completion("print(1) -- but not in a code block")));
        assertEquals(0.0, fraction.failureValue(one, completion("")));
    }

    @Test
    void problemWithoutUsableTestsIsNaN() {
        Problem badJson = new Problem("bad", Prompt.text("?"), null, "f", List.of(CodeTest.call("[1,", "1")), Map.of());
        assertTrue(Double.isNaN(fraction.score(badJson, completion(python("def f(x):\n    return x")))));
        assertTrue(Double.isNaN(fraction.score(Fixtures.math("4"), completion(python("print(4)")))));
    }
}
