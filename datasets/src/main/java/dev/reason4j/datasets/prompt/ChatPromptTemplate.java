package dev.reason4j.datasets.prompt;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chat messages: an optional system prompt, then the user message from {@code userPattern}. The model's
 * own chat template turns them into text later, where the tokenizer lives.
 *
 * @param name         the template's name
 * @param systemPrompt the system message, or null for none
 * @param userPattern  the user message, with {@code {question}}
 */
public record ChatPromptTemplate(String name, String systemPrompt, String userPattern) implements PromptTemplate {
    public ChatPromptTemplate {
        Objects.requireNonNull(name, "ChatPromptTemplate.name");
        Placeholders.validate(name, userPattern);
        if (systemPrompt != null && systemPrompt.isBlank()) {
            systemPrompt = null;
        }
    }

    @Override
    public Prompt render(String question) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (systemPrompt != null) {
            messages.add(ChatMessage.system(systemPrompt));
        }
        messages.add(ChatMessage.user(Placeholders.fill(userPattern, question)));
        return Prompt.chat(messages);
    }

    /**
     * A problem that is already chat: the last user message goes through {@code userPattern}, and the
     * system prompt is added in front unless the problem has its own.
     */
    @Override
    public Prompt renderChat(Problem chatProblem) {
        List<ChatMessage> messages = new ArrayList<>(chatProblem.prompt().messages());
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                messages.set(i, ChatMessage.user(Placeholders.fill(userPattern, messages.get(i).content())));
                break;
            }
        }
        if (systemPrompt != null && messages.stream().noneMatch(m -> "system".equals(m.role()))) {
            messages.add(0, ChatMessage.system(systemPrompt));
        }
        return Prompt.chat(messages);
    }
}
