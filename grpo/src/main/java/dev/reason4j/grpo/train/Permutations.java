package dev.reason4j.grpo.train;

import java.util.SplittableRandom;

/** Seeded Fisher–Yates permutations: the one shuffle used for data order, minibatch order and SFT epochs. */
public final class Permutations {
    private Permutations() {
    }

    /** A uniformly random permutation of 0..n−1 drawn from {@code rng}. */
    public static int[] of(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
