package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.math.MathVerifier;
import org.junit.jupiter.api.Test;

class AccuracyRewardTest {
    private final AccuracyReward accuracy = new AccuracyReward();

    @Test
    void equivalentAnswerEarnsOneAndWrongOrMissingAnswerEarnsZero() {
        double[] values = accuracy.score(Fixtures.group(math("5/6"),
                "<think>5/6</think> <answer>\\frac{5}{6}</answer>",
                "<think>hmm</think> <answer>6/5</answer>",
                "I do not know.",
                "<think>never closed <answer>5/6</answer>"));
        assertArrayEquals(new double[] {1, 0, 0, 0}, values);
    }

    @Test
    void configuredValuesReplaceOneAndZero() {
        AccuracyReward scaled = new AccuracyReward(new MathVerifier(), 2, -1);
        assertArrayEquals(new double[] {2, -1}, scaled.score(Fixtures.group(math("3"), "\\boxed{3}", "\\boxed{4}")));
    }

    @Test
    void answerThatHitsAVerifierCapIsIncorrectNotNaN() {
        // LIMIT_EXCEEDED: the power tower is past the exact-evaluation cap. A cap is the response's doing.
        assertEquals(0.0, accuracy.score(math("4"), completion("\\boxed{2^{2^{2^{40}}}}")));
    }

    @Test
    void unreadableReferenceAndProblemWithoutAnswerAreNaN() {
        assertTrue(Double.isNaN(accuracy.score(math("\\frac{1}{"), completion("\\boxed{5}"))));
        assertTrue(Double.isNaN(accuracy.score(Fixtures.codeOnly(), completion("\\boxed{5}"))));
    }

    @Test
    void failureValueIsTheIncorrectValue() {
        AccuracyReward scaled = new AccuracyReward(new MathVerifier(), 1, -0.5);
        assertEquals(-0.5, scaled.failureValue(math("3"), completion("\\boxed{3}")));
    }

    @Test
    void correctMustExceedIncorrect() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> new AccuracyReward(new MathVerifier(), 0, 1));
        assertTrue(e.getMessage().contains("'correct' must be a finite number above 'incorrect'"), e.getMessage());
    }
}
