package dev.reason4j.experiments.eval;

import dev.reason4j.core.Prompt;
import dev.reason4j.model.tokenizer.Tokenizer;

/**
 * Encodes prompts with a model's tokenizer by the trainer's rule ({@link dev.reason4j.grpo.train.PromptEncoder}),
 * so a model is evaluated on exactly the token ids it was trained on.
 */
public final class TokenizerPromptEncoder implements PromptEncoder {
    private final dev.reason4j.grpo.train.PromptEncoder encoder;

    /** Borrows the tokenizer; its owner closes it. */
    public TokenizerPromptEncoder(Tokenizer tokenizer) {
        this.encoder = new dev.reason4j.grpo.train.PromptEncoder(java.util.Objects.requireNonNull(tokenizer, "tokenizer"));
    }

    @Override
    public EncodedPrompt encode(Prompt prompt) {
        dev.reason4j.grpo.train.PromptEncoder.Encoded e = encoder.encoded(prompt);
        return new EncodedPrompt(e.text(), e.ids());
    }
}
