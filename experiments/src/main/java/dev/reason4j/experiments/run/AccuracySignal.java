package dev.reason4j.experiments.run;

import dev.reason4j.rewards.RewardSpec;
import java.util.List;
import java.util.Map;

/**
 * Which completions the trainer's {@code accuracy} metric counts as correct. The first configured
 * reward that judges correctness decides: {@code accuracy} or {@code countdown} when its value is
 * nearer its {@code correct} parameter (default 1) than its {@code incorrect} one (default 0);
 * {@code code} when every test passes (value 1). With none of these configured, a completion is
 * correct when its total reward is above 0. NaN (not applicable) is never correct.
 */
final class AccuracySignal {
    /** The rewards that judge correctness, in no particular order: the first configured one is used. */
    private static final List<String> JUDGES = List.of("accuracy", "countdown", "code");

    private final String component;
    private final double threshold;
    private final boolean inclusive;

    private AccuracySignal(String component, double threshold, boolean inclusive) {
        this.component = component;
        this.threshold = threshold;
        this.inclusive = inclusive;
    }

    static AccuracySignal of(List<RewardSpec> specs) {
        for (RewardSpec spec : specs) {
            if (!JUDGES.contains(spec.name())) {
                continue;
            }
            if (spec.name().equals("code")) {
                return new AccuracySignal("code", 1.0, true);
            }
            double correct = number(spec.params(), "correct", 1.0);
            double incorrect = number(spec.params(), "incorrect", 0.0);
            return new AccuracySignal(spec.name(), (correct + incorrect) / 2, false);
        }
        return new AccuracySignal(null, 0.0, false);
    }

    /** The reward the signal reads, or null for the total. */
    String component() {
        return component;
    }

    /**
     * @param totals     (group, completion) total rewards
     * @param components (group, completion) values per reward name
     */
    boolean[][] correct(double[][] totals, Map<String, double[][]> components) {
        double[][] values = component == null ? totals : components.get(component);
        boolean[][] out = new boolean[values.length][];
        for (int g = 0; g < values.length; g++) {
            out[g] = new boolean[values[g].length];
            for (int i = 0; i < values[g].length; i++) {
                double v = values[g][i];
                out[g][i] = inclusive ? v >= threshold : v > threshold; // NaN compares false
            }
        }
        return out;
    }

    private static double number(Map<String, Object> params, String key, double fallback) {
        return params.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }
}
