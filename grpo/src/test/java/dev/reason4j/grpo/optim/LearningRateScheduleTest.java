package dev.reason4j.grpo.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void warmupRisesLinearlyFromZeroAndReachesThePeakAtStepW() {
        LearningRateSchedule s = LearningRateSchedule.constantWithWarmup(1e-3, 4);
        assertEquals(0.0, s.lr(0), 0.0, "HF: the first update has rate 0");
        assertEquals(0.25e-3, s.lr(1), 1e-18);
        assertEquals(0.75e-3, s.lr(3), 1e-18);
        assertEquals(1e-3, s.lr(4), 0.0);
        assertEquals(1e-3, s.lr(1_000_000), 0.0);
    }

    @Test
    void noWarmupMeansThePeakFromTheFirstStep() {
        assertEquals(2e-5, LearningRateSchedule.constant(2e-5).lr(0), 0.0);
        assertEquals(1.0, LearningRateSchedule.cosineWithWarmup(1.0, 0, 10, 0).lr(0), 0.0);
    }

    @Test
    void cosineDecaysFromThePeakToTheMinimumAtTotalStepsAndStaysThere() {
        // W = 4, total = 12: the cosine runs over 8 steps from 1.0 to 0.1.
        LearningRateSchedule s = LearningRateSchedule.cosineWithWarmup(1.0, 4, 12, 0.1);
        assertEquals(0.5, s.lr(2), 0.0, "warmup");
        assertEquals(1.0, s.lr(4), 1e-15, "peak at W");
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.sqrt(0.5)), s.lr(6), 1e-15, "a quarter of the way: cos(π/4)");
        assertEquals(0.55, s.lr(8), 1e-15, "half way: the mean of peak and minimum");
        assertEquals(0.1, s.lr(12), 1e-15, "the minimum at totalSteps");
        assertEquals(0.1, s.lr(13), 0.0, "stays at the minimum (HF's would climb again)");
        assertEquals(0.1, s.lr(500), 0.0);
    }

    @Test
    void cosineToZeroIsHfsCosineSchedule() {
        LearningRateSchedule s = LearningRateSchedule.cosineWithWarmup(2.0, 0, 4, 0);
        assertEquals(2.0, s.lr(0), 0.0);
        assertEquals(1.0 + Math.sqrt(0.5), s.lr(1), 1e-15); // 2 · ½(1 + cos(π/4))
        assertEquals(1.0, s.lr(2), 1e-15);
        assertEquals(0.0, s.lr(4), 1e-15);
    }

    @Test
    void invalidSchedulesAreRejectedNamingTheField() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> LearningRateSchedule.cosineWithWarmup(1.0, 10, 10, 0));
        assertTrue(e.getMessage().contains("totalSteps"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> LearningRateSchedule.cosineWithWarmup(1.0, 0, 10, 2.0));
        assertTrue(e.getMessage().contains("minLr"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> LearningRateSchedule.constantWithWarmup(Double.NaN, 0));
        assertTrue(e.getMessage().contains("peak"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> LearningRateSchedule.constant(1.0).lr(-1));
        assertTrue(e.getMessage().contains("step -1"), e.getMessage());
    }
}
