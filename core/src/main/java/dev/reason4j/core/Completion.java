package dev.reason4j.core;

import java.util.Objects;

/**
 * One sampled response.
 *
 * @param promptIds     the prompt's token ids as the model saw them
 * @param completionIds sampled token ids, up to and including EOS (or the token that completed a stop string)
 * @param text          the decoded completion, special tokens skipped, cut before a stop string
 * @param logProbs      per completion token: log π(token | prefix) at the sampling temperature (logits / T),
 *                      before any top-k/top-p/min-p truncation — the π_old of GRPO's ratio
 * @param finishReason  stop or length
 */
public record Completion(int[] promptIds, int[] completionIds, String text, float[] logProbs, FinishReason finishReason) {
    public Completion {
        Objects.requireNonNull(promptIds, "Completion.promptIds");
        Objects.requireNonNull(completionIds, "Completion.completionIds");
        Objects.requireNonNull(text, "Completion.text");
        Objects.requireNonNull(logProbs, "Completion.logProbs");
        Objects.requireNonNull(finishReason, "Completion.finishReason");
        if (logProbs.length != completionIds.length) {
            throw new Reason4jException("Completion has " + completionIds.length + " tokens but " + logProbs.length
                    + " log-probs; there must be one per completion token");
        }
    }

    public int length() {
        return completionIds.length;
    }

    public boolean truncated() {
        return finishReason == FinishReason.LENGTH;
    }
}
