package dev.reason4j.core;

import java.util.List;

/**
 * What the model is asked: plain text (fed to the tokenizer as is) or chat messages (rendered later
 * through the model's chat template). Exactly one of the two is set.
 *
 * @param text     the prompt text, or null for a chat prompt
 * @param messages the chat messages, or null for a text prompt
 */
public record Prompt(String text, List<ChatMessage> messages) {
    public Prompt {
        if ((text == null) == (messages == null)) {
            throw new Reason4jException("a Prompt is either text or chat messages: set exactly one of them");
        }
        if (messages != null) {
            if (messages.isEmpty()) {
                throw new Reason4jException("a chat Prompt needs at least one message");
            }
            messages = List.copyOf(messages);
        }
    }

    public static Prompt text(String text) {
        return new Prompt(text, null);
    }

    public static Prompt chat(List<ChatMessage> messages) {
        return new Prompt(null, messages);
    }

    public boolean isChat() {
        return messages != null;
    }
}
