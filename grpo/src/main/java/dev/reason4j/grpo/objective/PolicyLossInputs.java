package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Objects;

/**
 * What the oracle loss reads, as plain arrays (the NDArray version reads the same as tensors).
 *
 * @param logProbs    (B, L) log π_θ of each completion token
 * @param oldLogProbs (B, L) log π_old, from sampling or recomputed without gradient
 * @param refLogProbs (B, L) log π_ref, or null when β = 0 and no reference is loaded
 * @param advantages  (B) one advantage per completion, shared by its tokens
 * @param mask        (B, L) 1 on completion tokens that count, 0 on padding and on removed completions;
 *                    masked slots must still hold finite log-probs
 */
public record PolicyLossInputs(double[][] logProbs, double[][] oldLogProbs, double[][] refLogProbs,
                               double[] advantages, double[][] mask) {
    public PolicyLossInputs {
        Objects.requireNonNull(logProbs, "PolicyLossInputs.logProbs");
        Objects.requireNonNull(oldLogProbs, "PolicyLossInputs.oldLogProbs");
        Objects.requireNonNull(advantages, "PolicyLossInputs.advantages");
        Objects.requireNonNull(mask, "PolicyLossInputs.mask");
        int length = logProbs.length == 0 ? 0 : logProbs[0].length;
        checkShape("oldLogProbs", oldLogProbs, logProbs.length, length);
        checkShape("mask", mask, logProbs.length, length);
        checkShape("logProbs", logProbs, logProbs.length, length);
        if (refLogProbs != null) {
            checkShape("refLogProbs", refLogProbs, logProbs.length, length);
        }
        if (advantages.length != logProbs.length) {
            throw new Reason4jException("PolicyLossInputs.advantages has " + advantages.length + " entries for "
                    + logProbs.length + " completions; give one advantage per completion");
        }
        CompletionMasks.tokenCounts(mask);
    }

    private static void checkShape(String field, double[][] values, int rows, int length) {
        if (values.length != rows) {
            throw new Reason4jException("PolicyLossInputs." + field + " has " + values.length + " rows, logProbs "
                    + rows + "; every (B, L) input must have one row per completion");
        }
        for (int i = 0; i < rows; i++) {
            if (values[i].length != length) {
                throw new Reason4jException("PolicyLossInputs." + field + " row " + i + " has " + values[i].length
                        + " entries, expected " + length + "; pad every row to the same length");
            }
        }
    }

    public int rows() {
        return logProbs.length;
    }

    public int length() {
        return logProbs.length == 0 ? 0 : logProbs[0].length;
    }

    /** The inputs of the minibatch made of these rows, in this order (the arrays are shared, not copied). */
    public PolicyLossInputs rows(int[] indices) {
        double[][] ref = refLogProbs == null ? null : pick(refLogProbs, indices);
        double[] adv = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            adv[k] = advantages[indices[k]];
        }
        return new PolicyLossInputs(pick(logProbs, indices), pick(oldLogProbs, indices), ref, adv, pick(mask, indices));
    }

    private static double[][] pick(double[][] values, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }
}
