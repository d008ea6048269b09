package dev.reason4j.grpo.optim;

import dev.reason4j.core.Reason4jException;

/**
 * Linear warmup from 0 over {@code warmupSteps}, then a half cosine from {@code peak} to
 * {@code minLr} reached at {@code totalSteps}, then {@code minLr}.
 *
 * @param peak        the rate at the end of warmup
 * @param warmupSteps W; 0 for none
 * @param totalSteps  the step at which the minimum is reached; greater than W
 * @param minLr       the floor, between 0 and peak
 */
public record WarmupCosineSchedule(double peak, long warmupSteps, long totalSteps, double minLr) implements LearningRateSchedule {
    public WarmupCosineSchedule {
        Schedules.requireRate("peak", peak);
        Schedules.requireRate("minLr", minLr);
        if (warmupSteps < 0) {
            throw new Reason4jException("warmupSteps is " + warmupSteps + "; it must be ≥ 0 (0 for no warmup)");
        }
        if (totalSteps <= warmupSteps) {
            throw new Reason4jException("totalSteps is " + totalSteps + " but warmupSteps is " + warmupSteps
                    + "; the cosine needs totalSteps > warmupSteps (raise totalSteps or shorten the warmup)");
        }
        if (minLr > peak) {
            throw new Reason4jException("minLr " + minLr + " is above the peak " + peak + "; set minLr ≤ peak (0 decays to zero)");
        }
    }

    @Override
    public double lr(long step) {
        if (step < warmupSteps) {
            return peak * Schedules.warmupFactor(step, warmupSteps);
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return minLr + (peak - minLr) * cosine;
    }
}
