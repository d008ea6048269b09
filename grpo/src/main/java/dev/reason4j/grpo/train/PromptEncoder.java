package dev.reason4j.grpo.train;

import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.Map;

/**
 * A prompt as the model sees it: text is tokenized with the tokenizer's special tokens (as HF does
 * by default, e.g. a Llama BOS); chat messages go through the model's chat template with the
 * generation prompt, and the rendered text is tokenized without adding special tokens again (the
 * template has them). The one place this rule lives: training and evaluation both use it.
 */
public final class PromptEncoder {
    private final Tokenizer tokenizer;

    /** Borrows the tokenizer; its owner closes it. */
    public PromptEncoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The rendered text and its token ids. */
    public record Encoded(String text, int[] ids) {
    }

    public Encoded encoded(Prompt prompt) {
        if (!prompt.isChat()) {
            return new Encoded(prompt.text(), tokenizer.encode(prompt.text(), true));
        }
        if (tokenizer.chatTemplate().isEmpty()) {
            throw new Reason4jException("the prompt is chat messages but the model's tokenizer_config.json has no chat_template; "
                    + "use a text prompt template such as r1_zero, boxed or plain, or a model with a chat template");
        }
        String text = tokenizer.applyChatTemplate(prompt.messages(), true, Map.of());
        return new Encoded(text, tokenizer.encode(text, false));
    }

    public int[] encode(Prompt prompt) {
        return encoded(prompt).ids();
    }

    /** The rendered prompt text (for samples and reports). */
    public String render(Prompt prompt) {
        return prompt.isChat() ? tokenizer.applyChatTemplate(prompt.messages(), true, Map.of()) : prompt.text();
    }
}
