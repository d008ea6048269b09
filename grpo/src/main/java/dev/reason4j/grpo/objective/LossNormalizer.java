package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The weight every unmasked token of each completion gets in the batch loss, fixed once from the
 * <b>full</b> batch (all minibatches and accumulation steps of one optimizer step together).
 *
 * <p>Why: the aggregations divide by batch-wide counts (B, Σ m). A minibatch that divided by its own
 * counts would weigh its tokens differently from the full batch (DAPO's token mean is the classic
 * case), so Σ over minibatches would not be the full-batch loss. Build one normaliser per batch with
 * {@link #forBatch}, hand each minibatch {@link #rows(int, int)} or {@link #rows(int[])}, and the
 * minibatch losses add up to the full-batch loss exactly.
 *
 * <p>A batch with no unmasked token (every completion truncated and masked) gives all weights 0: the
 * loss is 0 and no gradient flows.
 */
public final class LossNormalizer {
    private final LossAggregation aggregation;
    private final double[] sequenceWeights; // (B) weight of each unmasked token of completion i

    private LossNormalizer(LossAggregation aggregation, double[] sequenceWeights) {
        this.aggregation = aggregation;
        this.sequenceWeights = sequenceWeights;
    }

    /**
     * @param mask                (B, L) of the full batch, truncated completions already removed
     *                            ({@link CompletionMasks#withoutTruncated}) if they are to be
     * @param maxCompletionLength L_max, the rollout's maximum completion length; used by
     *                            {@link LossAggregation#CONSTANT} (must then be ≥ every completion's
     *                            token count), ignored by the others
     */
    public static LossNormalizer forBatch(LossAggregation aggregation, double[][] mask, int maxCompletionLength) {
        return forTokenCounts(aggregation, CompletionMasks.tokenCounts(mask), maxCompletionLength);
    }

    /** As {@link #forBatch}, from the number of unmasked tokens of each completion of the full batch. */
    public static LossNormalizer forTokenCounts(LossAggregation aggregation, int[] tokenCounts, int maxCompletionLength) {
        Objects.requireNonNull(aggregation, "aggregation: choose grpo, dapo or dr_grpo");
        Objects.requireNonNull(tokenCounts, "tokenCounts");
        int kept = 0;
        long tokens = 0;
        for (int i = 0; i < tokenCounts.length; i++) {
            checkCount(aggregation, tokenCounts[i], i, maxCompletionLength);
            kept += tokenCounts[i] > 0 ? 1 : 0;
            tokens += tokenCounts[i];
        }
        double[] weights = new double[tokenCounts.length];
        for (int i = 0; i < tokenCounts.length; i++) {
            if (tokenCounts[i] > 0) {
                weights[i] = aggregation.tokenWeight(tokenCounts[i], kept, tokens, maxCompletionLength);
            }
        }
        return new LossNormalizer(aggregation, weights);
    }

    private static void checkCount(LossAggregation aggregation, int count, int row, int maxCompletionLength) {
        if (count < 0) {
            throw new Reason4jException("token count of completion " + row + " is " + count + "; counts are ≥ 0");
        }
        if (aggregation.needsMaxCompletionLength() && (maxCompletionLength <= 0 || count > maxCompletionLength)) {
            throw new Reason4jException("maxCompletionLength (L_max) is " + maxCompletionLength + " but completion "
                    + row + " has " + count + " tokens; the " + aggregation.configName()
                    + " loss divides by B·L_max: set it to the rollout's max new tokens");
        }
    }

    /** The normaliser of the minibatch made of full-batch rows {@code from} (inclusive) to {@code to}. */
    public LossNormalizer rows(int from, int to) {
        if (from < 0 || to > sequenceWeights.length || from > to) {
            throw new Reason4jException("minibatch rows " + from + ".." + to + " are outside the batch of "
                    + sequenceWeights.length + " completions");
        }
        return new LossNormalizer(aggregation, Arrays.copyOfRange(sequenceWeights, from, to));
    }

    /** The normaliser of the minibatch made of these full-batch rows, in this order. */
    public LossNormalizer rows(int[] indices) {
        double[] picked = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= sequenceWeights.length) {
                throw new Reason4jException("minibatch row " + indices[k] + " is outside the batch of "
                        + sequenceWeights.length + " completions");
            }
            picked[k] = sequenceWeights[indices[k]];
        }
        return new LossNormalizer(aggregation, picked);
    }

    public LossAggregation aggregation() {
        return aggregation;
    }

    /** Completions (rows) this normaliser covers. */
    public int size() {
        return sequenceWeights.length;
    }

    /** The weight of one unmasked token of the row's completion (0 for a completion with no unmasked token). */
    public double sequenceWeight(int row) {
        return sequenceWeights[row];
    }

    /** (B) a copy of {@link #sequenceWeight} for every row. */
    public double[] sequenceWeights() {
        return sequenceWeights.clone();
    }
}
