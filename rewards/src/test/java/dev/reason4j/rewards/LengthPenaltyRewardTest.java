package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.group;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.math.MathVerifier;
import org.junit.jupiter.api.Test;

/** λ_i = 0.5 − (L_i − min L)/(max L − min L); correct: λ, wrong: min(0, λ). */
class LengthPenaltyRewardTest {
    private final LengthPenaltyReward length = new LengthPenaltyReward(new MathVerifier());

    @Test
    void shorterIsBetterAndWrongNeverEarnsABonus() {
        // lengths 10, 20, 30, 10 -> min 10, max 30, λ = 0.5 − (L − 10)/20 = 0.5, 0, −0.5, 0.5
        // correct, wrong, correct, wrong -> 0.5, min(0, 0) = 0, −0.5, min(0, 0.5) = 0
        double[] values = length.score(group(math("7"),
                completion("<answer>7</answer>", 10),
                completion("<answer>8</answer>", 20),
                completion("<answer>7</answer>", 30),
                completion("<answer>9</answer>", 10)));
        assertArrayEquals(new double[] {0.5, 0, -0.5, 0}, values, 1e-12);
    }

    @Test
    void wrongAndLongIsPenalised() {
        // lengths 10, 50: λ = 0.5, −0.5; the long one is wrong -> min(0, −0.5) = −0.5
        double[] values = length.score(group(math("7"), completion("<answer>7</answer>", 10), completion("<answer>1</answer>", 50)));
        assertArrayEquals(new double[] {0.5, -0.5}, values, 1e-12);
    }

    @Test
    void equalLengthsGiveZero() {
        assertArrayEquals(new double[] {0, 0}, length.score(group(math("7"),
                completion("<answer>7</answer>", 12), completion("<answer>3</answer>", 12))));
    }

    @Test
    void completionsThatCannotBeJudgedAreNaNAndFailureIsTheWorstValue() {
        double[] values = length.score(group(Fixtures.codeOnly(), completion("a", 1), completion("b", 5)));
        assertTrue(Double.isNaN(values[0]) && Double.isNaN(values[1]));
        assertEquals(-0.5, length.failureValue(math("7"), completion("x", 3)));
    }
}
