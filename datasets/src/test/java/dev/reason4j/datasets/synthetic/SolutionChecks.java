package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks every generator's reference solution must pass. */
final class SolutionChecks {
    private static final Pattern STEP = Pattern.compile("^(-?\\d+) ([-+*/]) (-?\\d+) = (-?\\d+)\\.$", Pattern.MULTILINE);

    private SolutionChecks() {
    }

    /** Ends with the plain closing sentence and the {@code <answer>} block; no \boxed anywhere. */
    static void assertWellFormed(Problem problem, String answerBlock) {
        String solution = (String) problem.metadata().get("solution");
        String reasoning = (String) problem.metadata().get("reasoning");
        assertTrue(solution.endsWith("\n<answer>" + answerBlock + "</answer>"), solution);
        assertEquals(reasoning + "\n<answer>" + answerBlock + "</answer>", solution);
        assertTrue(reasoning.endsWith("The answer is " + answerBlock + "."), reasoning);
        assertFalse(solution.contains("\\boxed"), solution);
    }

    /** Every step of the form {@code a op b = c.} is true (division exact); returns how many there were. */
    static int assertStepsHold(String solution) {
        Matcher step = STEP.matcher(solution);
        int count = 0;
        while (step.find()) {
            BigInteger a = new BigInteger(step.group(1));
            BigInteger b = new BigInteger(step.group(3));
            BigInteger c = new BigInteger(step.group(4));
            switch (step.group(2)) {
                case "+" -> assertEquals(a.add(b), c, step.group());
                case "-" -> assertEquals(a.subtract(b), c, step.group());
                case "*" -> assertEquals(a.multiply(b), c, step.group());
                default -> assertEquals(a, b.multiply(c), step.group());
            }
            count++;
        }
        return count;
    }
}
