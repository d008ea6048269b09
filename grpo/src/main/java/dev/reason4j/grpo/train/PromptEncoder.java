package dev.reason4j.grpo.train;

import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.Map;

/**
 * A prompt as the model sees it: text is tokenized with the tokenizer's special tokens (as HF does
 * by default); chat messages go through the model's chat template with the generation prompt, and the
 * rendered text is tokenized without adding special tokens again (the template has them).
 */
public final class PromptEncoder {
    private final Tokenizer tokenizer;

    public PromptEncoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public int[] encode(Prompt prompt) {
        if (!prompt.isChat()) {
            return tokenizer.encode(prompt.text(), true);
        }
        if (tokenizer.chatTemplate().isEmpty()) {
            throw new Reason4jException("a chat prompt needs the model's chat template, but tokenizer_config.json has no chat_template; "
                    + "use a text prompt template (e.g. r1_zero) or a model with a chat template");
        }
        return tokenizer.encode(tokenizer.applyChatTemplate(prompt.messages(), true, Map.of()), false);
    }

    /** The rendered prompt text (for samples and reports). */
    public String render(Prompt prompt) {
        return prompt.isChat() ? tokenizer.applyChatTemplate(prompt.messages(), true, Map.of()) : prompt.text();
    }
}
