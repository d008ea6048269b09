package dev.reason4j.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components accuracy (w = 1), format (w = 0.5), monitor (w = 0). */
class RewardCombinationTest {
    private static final double NaN = Double.NaN;
    private final RewardCombination combination = new RewardCombination(List.of(
            new WeightedReward(StubReward.constant("accuracy", 0), 1.0),
            new WeightedReward(StubReward.constant("format", 0), 0.5),
            new WeightedReward(StubReward.constant("monitor", 0), 0.0)));

    @Test
    void totalIsTheWeightedSumOfFiniteComponents() {
        // 1 × 1 + 0.5 × 1 + 0 × 7 = 1.5
        assertEquals(1.5, combination.total(new double[] {1, 1, 7}));
        // 1 × 0 + 0.5 × 1 = 0.5
        assertEquals(0.5, combination.total(new double[] {0, 1, 7}));
    }

    @Test
    void nanComponentIsLeftOutOfTheTotal() {
        // accuracy not applicable: 0.5 × 1 = 0.5
        assertEquals(0.5, combination.total(new double[] {NaN, 1, 7}));
        // format not applicable: 1 × 1 = 1
        assertEquals(1.0, combination.total(new double[] {1, NaN, NaN}));
    }

    @Test
    void totalIsNaNWhenEveryWeightedComponentIsNaN() {
        assertTrue(Double.isNaN(combination.total(new double[] {NaN, NaN, NaN})));
        // the weight-0 monitor is finite but does not count: still NaN, not 0
        assertTrue(Double.isNaN(combination.total(new double[] {NaN, NaN, 3})));
    }

    @Test
    void eachRewardAtMostOnceAndAtLeastOne() {
        Reason4jException twice = assertThrows(Reason4jException.class, () -> new RewardCombination(List.of(
                new WeightedReward(StubReward.constant("format", 0), 1), new WeightedReward(StubReward.constant("format", 0), 2))));
        assertEquals("reward 'format' is configured twice: list each reward once", twice.getMessage());
        assertThrows(Reason4jException.class, () -> new RewardCombination(List.of()));
        assertThrows(Reason4jException.class, () -> new WeightedReward(StubReward.constant("x", 0), Double.NaN));
    }
}
