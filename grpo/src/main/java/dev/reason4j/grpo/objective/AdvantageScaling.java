package dev.reason4j.grpo.objective;

/**
 * How a completion's reward becomes its advantage. Every mode subtracts a baseline from the group
 * (the G completions of one problem); they differ in the baseline and the scale. Each mode is given
 * only groups with at least two distinct finite rewards (see {@link GroupRelativeAdvantages}).
 */
public enum AdvantageScaling implements ConfigNamed {
    /** GRPO (DeepSeekMath): A_i = (R_i − mean_g) / (std_g + ε), std the group's sample std. */
    GROUP("group") {
        @Override
        double[] advantages(double[] group, double batchStd, double epsilon) {
            return centred(group, RewardStatistics.sampleStd(group) + epsilon);
        }
    },
    /**
     * A_i = (R_i − mean_g) / (std_batch + ε): the group's mean, but the sample std of all finite
     * rewards of the batch (TRL's {@code scale_rewards: batch}), so easy and hard problems are not
     * blown up to the same scale.
     */
    BATCH("batch") {
        @Override
        double[] advantages(double[] group, double batchStd, double epsilon) {
            return centred(group, batchStd + epsilon);
        }
    },
    /** Dr. GRPO: A_i = R_i − mean_g, no division by a std (which over-weights easy and hard problems). */
    NONE("none") {
        @Override
        double[] advantages(double[] group, double batchStd, double epsilon) {
            return centred(group, 1);
        }
    },
    /** RLOO: A_i = R_i − (mean of the other finite rewards of the group), no scaling. */
    RLOO("rloo") {
        @Override
        double[] advantages(double[] group, double batchStd, double epsilon) {
            int n = RewardStatistics.finiteCount(group);
            double sum = RewardStatistics.mean(group) * n;
            double[] out = new double[group.length];
            for (int i = 0; i < group.length; i++) {
                out[i] = Double.isNaN(group[i]) ? 0 : group[i] - (sum - group[i]) / (n - 1);
            }
            return out;
        }
    };

    private final String configName;

    AdvantageScaling(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /**
     * Advantages of one group that has at least two distinct finite rewards; NaN rewards get 0.
     *
     * @param batchStd sample std of all finite rewards of the batch (used by {@link #BATCH} only)
     */
    abstract double[] advantages(double[] group, double batchStd, double epsilon);

    private static double[] centred(double[] group, double scale) {
        double mean = RewardStatistics.mean(group);
        double[] out = new double[group.length];
        for (int i = 0; i < group.length; i++) {
            out[i] = Double.isNaN(group[i]) ? 0 : (group[i] - mean) / scale;
        }
        return out;
    }
}
