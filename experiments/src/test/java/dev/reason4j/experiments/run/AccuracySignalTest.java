package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reason4j.rewards.RewardSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracySignalTest {
    static final double NaN = Double.NaN;

    @Test
    void theFirstCorrectnessRewardDecidesWhateverTheOtherRewardsSay() {
        AccuracySignal s = AccuracySignal.of(List.of(RewardSpec.of("format", 1), RewardSpec.of("countdown", 1), RewardSpec.of("accuracy", 1)));
        assertEquals("countdown", s.component());
        double[][] totals = {{5, 5, 5}};
        boolean[][] correct = s.correct(totals, Map.of("countdown", new double[][] {{1, 0, NaN}}, "accuracy", new double[][] {{0, 1, 1}}));
        assertArrayEquals(new boolean[] {true, false, false}, correct[0], "NaN (not applicable) is never correct");
    }

    @Test
    void customCorrectAndIncorrectValuesSplitAtTheirMidpoint() {
        AccuracySignal s = AccuracySignal.of(List.of(new RewardSpec("accuracy", 1, Map.of("correct", 2.0, "incorrect", -1.0))));
        boolean[][] correct = s.correct(new double[][] {{0}}, Map.of("accuracy", new double[][] {{2, -1, 0.4, 0.6}}));
        assertArrayEquals(new boolean[] {true, false, false, true}, correct[0]);
    }

    @Test
    void codeCountsOnlyWhenEveryTestPasses() {
        AccuracySignal s = AccuracySignal.of(List.of(RewardSpec.of("code", 1)));
        boolean[][] correct = s.correct(new double[][] {{0}}, Map.of("code", new double[][] {{1.0, 0.99, 0}}));
        assertArrayEquals(new boolean[] {true, false, false}, correct[0]);
    }

    @Test
    void withoutACorrectnessRewardAPositiveTotalCounts() {
        AccuracySignal s = AccuracySignal.of(List.of(RewardSpec.of("format", 1)));
        assertNull(s.component());
        assertArrayEquals(new boolean[] {true, false, false}, s.correct(new double[][] {{0.5, 0, NaN}}, Map.of())[0]);
    }
}
