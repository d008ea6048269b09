package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.Objects;

/** Token masks of a batch of completions, (B, L) with 1 on real completion tokens and 0 on padding. */
public final class CompletionMasks {
    private CompletionMasks() {
    }

    /** A (B, L) mask with {@code lengths[i]} leading ones in row i. */
    public static double[][] fromLengths(int[] lengths, int length) {
        double[][] mask = new double[lengths.length][length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0 || lengths[i] > length) {
                throw new Reason4jException("completion " + i + " has length " + lengths[i]
                        + ", outside 0.." + length + "; the padded length must hold the longest completion");
            }
            Arrays.fill(mask[i], 0, lengths[i], 1.0);
        }
        return mask;
    }

    /**
     * A copy of {@code mask} with the rows of truncated completions (finish reason {@code length})
     * zeroed: they then leave the loss entirely, numerator and every count of {@link LossNormalizer}.
     */
    public static double[][] withoutTruncated(double[][] mask, boolean[] truncated) {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(truncated, "truncated");
        if (truncated.length != mask.length) {
            throw new Reason4jException("truncated flags: " + truncated.length + " for " + mask.length
                    + " completions; give one flag per row of the mask");
        }
        double[][] out = new double[mask.length][];
        for (int i = 0; i < mask.length; i++) {
            out[i] = truncated[i] ? new double[mask[i].length] : mask[i].clone();
        }
        return out;
    }

    /** Unmasked tokens per row; every entry must be 0 or 1. */
    public static int[] tokenCounts(double[][] mask) {
        Objects.requireNonNull(mask, "mask");
        int[] counts = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            for (int t = 0; t < mask[i].length; t++) {
                double m = mask[i][t];
                if (m != 0 && m != 1) {
                    throw new Reason4jException("mask[" + i + "][" + t + "] is " + m
                            + "; a completion mask holds 1 on real tokens and 0 elsewhere");
                }
                counts[i] += (int) m;
            }
        }
        return counts;
    }
}
