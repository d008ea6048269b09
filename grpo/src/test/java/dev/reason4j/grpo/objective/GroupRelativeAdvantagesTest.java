package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Advantages worked by hand; ε = 1e-4 throughout (the default). */
class GroupRelativeAdvantagesTest {
    private static final double NAN = Double.NaN;
    private static final double TOL = 1e-12;

    @Test
    void defaultEpsilonIsTrls() {
        assertEquals(1e-4, new GroupRelativeAdvantages(AdvantageScaling.GROUP).epsilon(), 0.0);
    }

    @Test
    void groupScalingDividesByTheGroupsSampleStdPlusEpsilon() {
        // [1, 0, 1, 0]: mean 0.5; sample std = sqrt((4 · 0.25) / 3) = 0.5773503; A = ±0.5 / 0.5774503 = ±0.8658754
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.GROUP).compute(new double[][] {{1, 0, 1, 0}});
        double v = 0.5 / (Math.sqrt(1.0 / 3) + 1e-4);
        assertEquals(0.8658754297607016, v, TOL);
        assertArrayEquals(new double[] {v, -v, v, -v}, a[0], TOL);
    }

    @Test
    void groupStdIsTheSampleStdWithDivisorNMinusOne() {
        // [0, 2]: mean 1, sample std sqrt(2) (the population std would be 1): A = ±1 / (1.4142136 + 1e-4)
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.GROUP).compute(new double[][] {{0, 2}});
        assertArrayEquals(new double[] {-0.7070567847218314, 0.7070567847218314}, a[0], TOL);
    }

    @Test
    void batchScalingUsesTheGroupMeanAndTheStdOfAllFiniteRewardsOfTheBatch() {
        // finite rewards of the batch [1, 0, 1, 0, 2, 4]: mean 4/3, Σ(x − mean)² = 11.3333, sample std
        // sqrt(11.3333 / 5) = 1.5055453. Group 0 mean 0.5 → ±0.5 / 1.5056453; group 1 mean 3 → ∓1 / 1.5056453.
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.BATCH)
                .compute(new double[][] {{1, 0, 1, 0}, {2, 4, NAN}});
        double scale = 1.5055453054181622 + 1e-4;
        assertArrayEquals(new double[] {0.5 / scale, -0.5 / scale, 0.5 / scale, -0.5 / scale}, a[0], TOL);
        assertArrayEquals(new double[] {-1 / scale, 1 / scale, 0}, a[1], TOL);
    }

    @Test
    void noneScalingOnlySubtractsTheGroupMean() {
        // group 0 mean 0.5; group 1: NaN left out, mean (2 + 4) / 2 = 3
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.NONE)
                .compute(new double[][] {{1, 0, 1, 0}, {2, 4, NAN}});
        assertArrayEquals(new double[] {0.5, -0.5, 0.5, -0.5}, a[0], 0.0);
        assertArrayEquals(new double[] {-1, 1, 0}, a[1], 0.0);
    }

    @Test
    void rlooSubtractsTheMeanOfTheOtherFiniteRewards() {
        // [1, 0, 1, 0]: A_0 = 1 − (0 + 1 + 0)/3 = 2/3, A_1 = 0 − (1 + 1 + 0)/3 = −2/3;
        // [2, 4, NaN]: A_0 = 2 − 4 = −2, A_1 = 4 − 2 = 2, A_2 = 0 (NaN)
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.RLOO)
                .compute(new double[][] {{1, 0, 1, 0}, {2, 4, NAN}});
        assertArrayEquals(new double[] {2.0 / 3, -2.0 / 3, 2.0 / 3, -2.0 / 3}, a[0], TOL);
        assertArrayEquals(new double[] {-2, 2, 0}, a[1], TOL);
    }

    @Test
    void nanRewardsAreLeftOutOfMeanAndStdAndGetZero() {
        // finite [1, 3]: mean 2, sample std sqrt(2) → ∓1 / (1.4142136 + 1e-4); the NaNs get 0
        double[][] a = new GroupRelativeAdvantages(AdvantageScaling.GROUP).compute(new double[][] {{1, NAN, 3, NAN}});
        assertArrayEquals(new double[] {-0.7070567847218314, 0, 0.7070567847218314, 0}, a[0], TOL);
    }

    @ParameterizedTest
    @EnumSource(AdvantageScaling.class)
    void equalRewardsGiveExactlyZeroEvenWhenTheirMeanRoundsDifferently(AdvantageScaling scaling) {
        // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002 ≠ 0.1: centring would leave ±1.4e-17 / 1e-4 ≈ 1e-13
        assertTrue((0.1 + 0.1 + 0.1) / 3 != 0.1);
        double[][] a = new GroupRelativeAdvantages(scaling).compute(new double[][] {{0.1, 0.1, 0.1}, {1, 0}});
        assertArrayEquals(new double[] {0, 0, 0}, a[0], 0.0);
        assertTrue(a[1][0] > 0 && a[1][1] < 0, "the informative group still has advantages");
    }

    @ParameterizedTest
    @EnumSource(AdvantageScaling.class)
    void groupsWithFewerThanTwoFiniteRewardsGetZero(AdvantageScaling scaling) {
        double[][] a = new GroupRelativeAdvantages(scaling)
                .compute(new double[][] {{NAN, 0.5, NAN}, {NAN, NAN}, {}, {0, 1}});
        assertArrayEquals(new double[] {0, 0, 0}, a[0], 0.0);
        assertArrayEquals(new double[] {0, 0}, a[1], 0.0);
        assertEquals(0, a[2].length);
    }

    @Test
    void infiniteRewardIsRejectedNamingTheCompletion() {
        var advantages = new GroupRelativeAdvantages(AdvantageScaling.GROUP);
        var e = assertThrows(Reason4jException.class,
                () -> advantages.compute(new double[][] {{0, 1}, {1, Double.POSITIVE_INFINITY}}));
        assertTrue(e.getMessage().contains("completion 1 in group 1"), e.getMessage());
    }

    @Test
    void negativeEpsilonIsRejected() {
        var e = assertThrows(Reason4jException.class, () -> new GroupRelativeAdvantages(AdvantageScaling.GROUP, -1));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }
}
