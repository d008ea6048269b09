package dev.reason4j.datasets.prompt;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a dataset question into the model's prompt. Implementations are immutable. */
public interface PromptTemplate {
    /** The template's name in configs and reports. */
    String name();

    /** The prompt for one question. */
    Prompt render(String question);

    /** The prompt for a question that is already chat messages; templates that only know text refuse. */
    Prompt renderChat(Problem chatProblem);

    /**
     * The problem with its prompt rendered through this template. The raw question is kept as metadata
     * {@code "question"} (unless the problem already has one) for reports and de-duplication.
     */
    default Problem applyTo(Problem problem) {
        Prompt rendered = problem.prompt().isChat() ? renderChat(problem) : render(problem.prompt().text());
        Map<String, Object> metadata = new LinkedHashMap<>(problem.metadata());
        if (!problem.prompt().isChat()) {
            metadata.putIfAbsent("question", problem.prompt().text());
        }
        return new Problem(problem.id(), rendered, problem.answer(), problem.functionName(), problem.tests(), metadata);
    }
}
