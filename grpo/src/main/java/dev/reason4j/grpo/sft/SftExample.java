package dev.reason4j.grpo.sft;

import dev.reason4j.core.Reason4jException;

/**
 * One supervised pair: the prompt as the model sees it and the response it should learn to write
 * (EOS included when the model should learn to stop). Only response tokens carry loss.
 */
public record SftExample(int[] promptIds, int[] responseIds) {
    public SftExample {
        if (promptIds.length == 0 || responseIds.length == 0) {
            throw new Reason4jException("an SFT example needs a non-empty prompt and a non-empty response");
        }
    }
}
