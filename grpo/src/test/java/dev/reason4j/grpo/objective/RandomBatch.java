package dev.reason4j.grpo.objective;

import java.util.Random;

/**
 * A fixed pseudo-random batch of 8 completions (two groups of 4, padded to 6 tokens) built so that
 * every case the loss distinguishes occurs, whatever the advantage scaling (the signs of A do not
 * depend on it): a completion clipped above (A &gt; 0, log r ≈ +0.8), one clipped below (A &lt; 0,
 * log r ≈ −0.8), each on its non-binding side, one with a NaN reward (A = 0), one truncated and
 * masked out, and padding.
 */
final class RandomBatch {
    static final int LENGTH = 6;
    static final int MAX_COMPLETION_LENGTH = 8;
    static final double[][] REWARDS = {{1, 0, 1, 0}, {0.3, Double.NaN, 0.8, 0.1}};
    static final int[] LENGTHS = {6, 4, 5, 2, 6, 3, 1, 5};
    static final boolean[] TRUNCATED = {false, false, false, false, true, false, false, false};
    /** Mean log-ratio logp − logp_old per completion; rows 0 to 3 sit clearly on one side of the clip range. */
    private static final double[] SHIFTS = {0.8, -0.8, -0.8, 0.8, 0.5, 0.05, 0.1, -0.05};
    private static final double[] NOISE = {0.05, 0.05, 0.05, 0.05, 0.3, 0.3, 0.3, 0.3};

    private RandomBatch() {
    }

    static PolicyLossInputs inputs(AdvantageScaling scaling, boolean withReference, long seed) {
        Random r = new Random(seed);
        int b = LENGTHS.length;
        double[][] logp = new double[b][LENGTH];
        double[][] old = new double[b][LENGTH];
        double[][] ref = new double[b][LENGTH];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < LENGTH; t++) {
                logp[i][t] = -0.1 - 3 * r.nextDouble();
                old[i][t] = logp[i][t] - SHIFTS[i] - NOISE[i] * r.nextGaussian();
                ref[i][t] = logp[i][t] + 0.4 * r.nextGaussian();
            }
        }
        double[][] grouped = new GroupRelativeAdvantages(scaling).compute(REWARDS);
        double[] advantages = new double[b];
        System.arraycopy(grouped[0], 0, advantages, 0, 4);
        System.arraycopy(grouped[1], 0, advantages, 4, 4);
        double[][] mask = CompletionMasks.withoutTruncated(CompletionMasks.fromLengths(LENGTHS, LENGTH), TRUNCATED);
        return new PolicyLossInputs(logp, old, withReference ? ref : null, advantages, mask);
    }
}
