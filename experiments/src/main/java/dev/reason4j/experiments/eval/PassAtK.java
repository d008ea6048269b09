package dev.reason4j.experiments.eval;

import dev.reason4j.core.Reason4jException;

/**
 * The pass@k estimators of Chen et al. (2021), as DeepSeek-R1 reports them.
 *
 * <pre>{@code
 * PassAtK.passAtK(4, 2, 2);                                   // 1 − C(2,2)/C(4,2) = 5/6
 * PassAtK.passAt1(new int[] {3, 2, 1}, new int[] {4, 4, 4});  // (3/4 + 2/4 + 1/4) / 3 = 0.5
 * }</pre>
 */
public final class PassAtK {
    private PassAtK() {
    }

    /**
     * Unbiased pass@k of one problem with {@code c} correct among {@code n} samples: the chance that
     * a k-subset drawn without replacement holds at least one correct sample,
     * 1 − C(n−c, k)/C(n, k) = 1 − Π_{j=n−c+1..n} (1 − k/j). The product form never builds a binomial,
     * so it is exact to rounding for any n.
     *
     * @throws Reason4jException when k is not in 1..n or c is not in 0..n
     */
    public static double passAtK(int n, int c, int k) {
        if (n < 1) {
            throw new Reason4jException("pass@k needs at least one sample per problem, got n = " + n);
        }
        if (c < 0 || c > n) {
            throw new Reason4jException("pass@k: the correct count must be in 0.." + n + ", got " + c);
        }
        if (k < 1 || k > n) {
            throw new Reason4jException("pass@" + k + " needs k in 1.." + n + " (the samples per problem); ask for a k of at most "
                    + n + " or sample more per problem");
        }
        if (n - c < k) {
            return 1.0; // every k-subset must include a correct sample
        }
        double allWrong = 1.0;
        for (int j = n - c + 1; j <= n; j++) {
            allWrong *= 1.0 - (double) k / j;
        }
        return 1.0 - allWrong;
    }

    /** The mean over problems of {@link #passAtK}; {@code samples[i]} and {@code correct[i]} describe problem i. */
    public static double meanPassAtK(int[] samples, int[] correct, int k) {
        requireSameLength(samples, correct);
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            sum += passAtK(samples[i], correct[i], k);
        }
        return sum / samples.length;
    }

    /**
     * pass@1 as R1 reports it: the mean over problems of the fraction of that problem's samples that
     * are correct. Each problem weighs the same whatever its sample count.
     */
    public static double passAt1(int[] correct, int[] samples) {
        requireSameLength(samples, correct);
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] < 1 || correct[i] < 0 || correct[i] > samples[i]) {
                throw new Reason4jException("pass@1: problem " + i + " has " + correct[i] + " correct of " + samples[i]
                        + " samples; need 0 ≤ correct ≤ samples and samples ≥ 1");
            }
            sum += (double) correct[i] / samples[i];
        }
        return sum / samples.length;
    }

    private static void requireSameLength(int[] samples, int[] correct) {
        if (samples.length != correct.length) {
            throw new IllegalArgumentException("one sample count per correct count: " + samples.length + " vs " + correct.length);
        }
        if (samples.length == 0) {
            throw new Reason4jException("pass@k over no problems is undefined: evaluate at least one problem");
        }
    }
}
