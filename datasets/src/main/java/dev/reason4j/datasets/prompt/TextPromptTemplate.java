package dev.reason4j.datasets.prompt;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;

import java.util.Objects;

/**
 * A plain-text prompt: the pattern with {@code {question}} filled in, fed to the tokenizer as it is
 * (the base-model setting of R1-Zero).
 *
 * @param name    the template's name
 * @param pattern the text, with {@code {question}} (see {@link Placeholders} for the syntax)
 */
public record TextPromptTemplate(String name, String pattern) implements PromptTemplate {
    public TextPromptTemplate {
        Objects.requireNonNull(name, "TextPromptTemplate.name");
        Placeholders.validate(name, pattern);
    }

    @Override
    public Prompt render(String question) {
        return Prompt.text(Placeholders.fill(pattern, question));
    }

    @Override
    public Prompt renderChat(Problem chatProblem) {
        throw new Reason4jException("problem " + chatProblem.id() + " has a chat prompt, but template '" + name
                + "' writes plain text: use a chat template (chat, chat_r1, chat_boxed) or map a text prompt column");
    }
}
