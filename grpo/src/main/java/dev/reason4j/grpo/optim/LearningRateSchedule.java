package dev.reason4j.grpo.optim;

/**
 * The learning rate of each optimizer step, as a pure function of the step index. Step 0 is the
 * first update, as in HF's {@code get_*_schedule_with_warmup} (whose scheduler is stepped after each
 * update): with warmup, step 0 uses a rate of 0, step W the peak.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The rate for the update with 0-based index {@code step} (≥ 0). */
    double lr(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double lr) {
        return new WarmupConstantSchedule(lr, 0);
    }

    /** Linear from 0 over {@code warmupSteps}, then {@code peak}: HF's get_constant_schedule_with_warmup. */
    static LearningRateSchedule constantWithWarmup(double peak, long warmupSteps) {
        return new WarmupConstantSchedule(peak, warmupSteps);
    }

    /**
     * Linear warmup, then a half cosine from {@code peak} at step W down to {@code minLr} at
     * {@code totalSteps}, and {@code minLr} after: HF's get_cosine_with_min_lr_schedule_with_warmup
     * (get_cosine_schedule_with_warmup when minLr is 0), except that HF's cosine climbs again past
     * totalSteps and this one stays at the minimum.
     */
    static LearningRateSchedule cosineWithWarmup(double peak, long warmupSteps, long totalSteps, double minLr) {
        return new WarmupCosineSchedule(peak, warmupSteps, totalSteps, minLr);
    }
}
