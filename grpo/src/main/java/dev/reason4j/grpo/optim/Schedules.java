package dev.reason4j.grpo.optim;

import dev.reason4j.core.Reason4jException;

/** Checks and the warmup ramp shared by the schedules. */
final class Schedules {
    private Schedules() {
    }

    /** step / W below W (HF's float(step) / max(1, W)), 1 from W on. */
    static double warmupFactor(long step, long warmupSteps) {
        if (step < 0) {
            throw new Reason4jException("learning-rate schedule asked for step " + step + "; steps count from 0");
        }
        return step < warmupSteps ? (double) step / warmupSteps : 1.0;
    }

    static void requireRate(String field, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new Reason4jException("learning-rate " + field + " is " + rate + "; it must be a finite number ≥ 0");
        }
    }
}
