package dev.reason4j.grpo.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Completion;
import dev.reason4j.core.Reason4jException;
import java.util.List;

/**
 * Completions laid out for teacher-forced scoring: each row is prompt + completion, right-padded to
 * the longest row; the scored positions are the completion tokens, padded to the longest completion.
 * Everything is plain Java arrays; {@link #toDevice} makes the tensors for one (micro-)batch of rows.
 *
 * @param tokens      (B, T) token ids, 0 on padding
 * @param attention   (B, T) 1 on real tokens
 * @param positions   (B, L) position of completion token l in its row (padding slots point at position 1)
 * @param mask        (B, L) 1 on completion tokens that count in the loss
 * @param oldLogProbs (B, L) log π_old of each completion token (from the rollout)
 * @param rows        B
 * @param width       T
 * @param length      L
 */
public record PolicyBatch(long[] tokens, long[] attention, long[] positions, double[][] mask, float[] oldLogProbs,
                          int rows, int width, int length) {

    /** Lays out completions; those in {@code dropped} (e.g. truncated, when masked) get an all-zero mask row. */
    public static PolicyBatch of(List<Completion> completions, boolean[] dropped) {
        int b = completions.size();
        if (b == 0) {
            throw new Reason4jException("cannot build a policy batch from zero completions");
        }
        int width = 0;
        int length = 1;
        for (Completion c : completions) {
            width = Math.max(width, c.promptIds().length + c.length());
            length = Math.max(length, c.length());
        }
        long[] tokens = new long[b * width];
        long[] attention = new long[b * width];
        long[] positions = new long[b * length];
        double[][] mask = new double[b][length];
        float[] old = new float[b * length];
        for (int r = 0; r < b; r++) {
            Completion c = completions.get(r);
            int p = c.promptIds().length;
            for (int i = 0; i < p; i++) {
                tokens[r * width + i] = c.promptIds()[i];
                attention[r * width + i] = 1;
            }
            for (int l = 0; l < length; l++) {
                positions[r * length + l] = 1;
            }
            for (int l = 0; l < c.length(); l++) {
                tokens[r * width + p + l] = c.completionIds()[l];
                attention[r * width + p + l] = 1;
                positions[r * length + l] = p + l;
                mask[r][l] = dropped != null && dropped[r] ? 0 : 1;
                old[r * length + l] = c.logProbs()[l];
            }
        }
        return new PolicyBatch(tokens, attention, positions, mask, old, b, width, length);
    }

    /** Tensors of the given rows, created in {@code m}. */
    public Tensors toDevice(NDManager m, int[] rowIndices) {
        int n = rowIndices.length;
        long[] t = new long[n * width];
        long[] a = new long[n * width];
        long[] p = new long[n * length];
        float[] mk = new float[n * length];
        float[] o = new float[n * length];
        for (int i = 0; i < n; i++) {
            int r = rowIndices[i];
            System.arraycopy(tokens, r * width, t, i * width, width);
            System.arraycopy(attention, r * width, a, i * width, width);
            System.arraycopy(positions, r * length, p, i * length, length);
            System.arraycopy(oldLogProbs, r * length, o, i * length, length);
            for (int l = 0; l < length; l++) {
                mk[i * length + l] = (float) mask[r][l];
            }
        }
        Shape wide = new Shape(n, width);
        Shape narrow = new Shape(n, length);
        return new Tensors(m.create(t, wide), m.create(a, wide), m.create(p, narrow), m.create(mk, narrow), m.create(o, narrow));
    }

    /** The tensors of a (micro-)batch; all owned by the manager they were created in. */
    public record Tensors(NDArray tokens, NDArray attention, NDArray positions, NDArray mask, NDArray oldLogProbs) {
    }
}
