package dev.reason4j.experiments.eval;

import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes prompts with a model's tokenizer: text prompts as they are (with the tokenizer's own
 * special tokens, e.g. a Llama BOS), chat prompts through the model's chat template with the
 * generation prompt added (the template supplies any special tokens).
 */
public final class TokenizerPromptEncoder implements PromptEncoder {
    private final Tokenizer tokenizer;

    /** Borrows the tokenizer; its owner closes it. */
    public TokenizerPromptEncoder(Tokenizer tokenizer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    @Override
    public EncodedPrompt encode(Prompt prompt) {
        if (!prompt.isChat()) {
            return new EncodedPrompt(prompt.text(), tokenizer.encode(prompt.text(), true));
        }
        if (tokenizer.chatTemplate().isEmpty()) {
            throw new Reason4jException("the prompt template gives chat messages but the model's tokenizer_config.json has no "
                    + "chat_template; use a text template such as r1_zero, boxed or plain");
        }
        String text = tokenizer.applyChatTemplate(prompt.messages(), true, Map.of());
        return new EncodedPrompt(text, tokenizer.encode(text, false));
    }
}
