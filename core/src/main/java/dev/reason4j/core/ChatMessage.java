package dev.reason4j.core;

import java.util.Objects;

/**
 * One message of a chat-format prompt, as HF chat templates see it.
 *
 * @param role    {@code system}, {@code user}, {@code assistant} or {@code tool} (templates may know others)
 * @param content the text of the message
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "ChatMessage.role must be set (e.g. \"user\")");
        Objects.requireNonNull(content, "ChatMessage.content must be set (use \"\" for an empty message)");
        if (role.isBlank()) {
            throw new Reason4jException("ChatMessage.role is blank: give a role such as \"system\", \"user\" or \"assistant\"");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
