package dev.reason4j.grpo.objective;

/**
 * How per-token losses of a batch become one number. Each variant is a weight per token of a kept
 * completion (mask 1), computed from counts over the <b>full</b> batch by {@link LossNormalizer}:
 * the loss is Σ_i Σ_t m_{i,t} · weight_i · loss_{i,t}.
 *
 * <p>"Kept" completions are those with at least one unmasked token; a truncated completion masked out
 * entirely (see {@link CompletionMasks#withoutTruncated}) counts in neither B nor the token count.
 */
public enum LossAggregation implements ConfigNamed {
    /**
     * Original GRPO: (1/B) Σ_i (1/|o_i|) Σ_t m·loss. Each completion weighs the same, so a long wrong
     * answer is penalised less per token (the length bias Dr. GRPO points out).
     */
    SEQUENCE_MEAN("grpo") {
        @Override
        double tokenWeight(int completionTokens, int keptCompletions, long batchTokens, int maxCompletionLength) {
            return 1.0 / ((double) keptCompletions * completionTokens);
        }
    },
    /** DAPO: Σ m·loss / Σ m, the denominator the token count of the whole batch. Each token weighs the same. */
    TOKEN_MEAN("dapo") {
        @Override
        double tokenWeight(int completionTokens, int keptCompletions, long batchTokens, int maxCompletionLength) {
            return 1.0 / batchTokens;
        }
    },
    /** Dr. GRPO: Σ m·loss / (B · L_max), a constant denominator with L_max the maximum completion length. */
    CONSTANT("dr_grpo") {
        @Override
        double tokenWeight(int completionTokens, int keptCompletions, long batchTokens, int maxCompletionLength) {
            return 1.0 / ((double) keptCompletions * maxCompletionLength);
        }

        @Override
        boolean needsMaxCompletionLength() {
            return true;
        }
    };

    private final String configName;

    LossAggregation(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /**
     * The weight of each unmasked token of a kept completion.
     *
     * @param completionTokens    unmasked tokens of this completion (&gt; 0)
     * @param keptCompletions     completions of the full batch with at least one unmasked token (&gt; 0)
     * @param batchTokens         unmasked tokens of the full batch (&gt; 0)
     * @param maxCompletionLength L_max
     */
    abstract double tokenWeight(int completionTokens, int keptCompletions, long batchTokens, int maxCompletionLength);

    boolean needsMaxCompletionLength() {
        return false;
    }
}
