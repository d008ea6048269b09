package dev.reason4j.grpo.optim;

import dev.reason4j.core.Reason4jException;

/**
 * Linear warmup from 0 to {@code peak} over {@code warmupSteps} updates, then constant.
 *
 * @param peak        the rate after warmup
 * @param warmupSteps W; 0 for none
 */
public record WarmupConstantSchedule(double peak, long warmupSteps) implements LearningRateSchedule {
    public WarmupConstantSchedule {
        Schedules.requireRate("peak", peak);
        if (warmupSteps < 0) {
            throw new Reason4jException("warmupSteps is " + warmupSteps + "; it must be ≥ 0 (0 for no warmup)");
        }
    }

    @Override
    public double lr(long step) {
        return peak * Schedules.warmupFactor(step, warmupSteps);
    }
}
