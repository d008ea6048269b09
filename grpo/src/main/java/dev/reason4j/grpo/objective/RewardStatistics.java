package dev.reason4j.grpo.objective;

/** Mean and sample standard deviation over the finite entries of an array; NaN entries are skipped. */
final class RewardStatistics {
    private RewardStatistics() {
    }

    static int finiteCount(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** Mean of the non-NaN entries; 0 when there are none. */
    static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Sample standard deviation (divisor n − 1, as {@code torch.std} and TRL) of the non-NaN entries;
     * 0 when fewer than two.
     */
    static double sampleStd(double[] values) {
        int n = finiteCount(values);
        if (n < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** True when the non-NaN entries are fewer than two or all equal: such a group carries no signal. */
    static boolean uninformative(double[] values) {
        double first = Double.NaN;
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (n > 0 && v != first) {
                return false;
            }
            first = v;
            n++;
        }
        return true;
    }
}
