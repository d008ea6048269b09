package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.math.MathVerifier;
import org.junit.jupiter.api.Test;

/** r = r_min + (r_max − r_min)(1 + cos(πL/L_max))/2; correct (0.5, 1.0), wrong (−0.5, −1.0), L_max = 100 tokens. */
class CosineLengthRewardTest {
    private static final double EPS = 1e-12;
    private final CosineLengthReward cosine = new CosineLengthReward(new MathVerifier(), new CosineLengthReward.Config(1.0, 0.5, -1.0, -0.5, 100));

    private double score(String text, int tokens) {
        return cosine.score(math("7"), completion(text, tokens));
    }

    @Test
    void correctAnswerEarnsMoreTheShorterItIs() {
        // L = 0:   cos 0 = 1      -> 0.5 + 0.5 × (1 + 1)/2 = 1.0
        assertEquals(1.0, score("<answer>7</answer>", 0), EPS);
        // L = 50:  cos(π/2) = 0   -> 0.5 + 0.5 × (1 + 0)/2 = 0.75
        assertEquals(0.75, score("<answer>7</answer>", 50), EPS);
        // L = 100: cos π = −1     -> 0.5 + 0.5 × (1 − 1)/2 = 0.5
        assertEquals(0.5, score("<answer>7</answer>", 100), EPS);
        // L = 25:  cos(π/4) = √2/2 -> 0.5 + 0.5 × (1 + 0.70711)/2 = 0.92678
        assertEquals(0.5 + 0.5 * (1 + Math.sqrt(2) / 2) / 2, score("<answer>7</answer>", 25), EPS);
        assertEquals(0.92678, score("<answer>7</answer>", 25), 1e-5);
    }

    @Test
    void wrongAnswerIsPenalisedLessTheLongerItIs() {
        // L = 0:   −0.5 + (−1.0 + 0.5) × (1 + 1)/2 = −1.0
        assertEquals(-1.0, score("<answer>8</answer>", 0), EPS);
        // L = 50:  −0.5 + (−0.5) × 1/2 = −0.75
        assertEquals(-0.75, score("<answer>8</answer>", 50), EPS);
        // L = 100: −0.5 + (−0.5) × 0 = −0.5
        assertEquals(-0.5, score("<answer>8</answer>", 100), EPS);
        // no answer at all is wrong too: L = 50 -> −0.75
        assertEquals(-0.75, score("no idea", 50), EPS);
    }

    @Test
    void lengthBeyondMaxIsClampedToMax() {
        // L = 150 is read as L_max: the cosine does not rise again past π
        assertEquals(0.5, score("<answer>7</answer>", 150), EPS);
        assertEquals(-0.5, score("<answer>8</answer>", 150), EPS);
    }

    @Test
    void failureCountsAsWrongAtTheCompletionsLength() {
        assertEquals(-0.75, cosine.failureValue(math("7"), completion("<answer>7</answer>", 50)), EPS);
    }

    @Test
    void problemWithoutUsableReferenceIsNaN() {
        assertTrue(Double.isNaN(cosine.score(Fixtures.codeOnly(), completion("<answer>7</answer>", 10))));
    }

    @Test
    void correctValuesMustLieAboveWrongValues() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> new CosineLengthReward.Config(0.5, -0.6, -1, -0.5, 100));
        assertTrue(e.getMessage().startsWith("cosine: every correct value must be above every wrong value"), e.getMessage());
        assertThrows(Reason4jException.class, () -> new CosineLengthReward.Config(1, 0.5, -1, -0.5, 0));
    }
}
