package dev.reason4j.datasets.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference solution written the way a model should: steps, a plain closing sentence with the answer,
 * then the answer alone in {@code <answer>…</answer>} (no {@code \boxed{}}). Metadata {@code "reasoning"}
 * holds the steps and closing sentence only, for a warm start that lays out its own tags.
 */
final class WorkedSolution {
    private final List<String> steps = new ArrayList<>();

    WorkedSolution step(String line) {
        steps.add(line);
        return this;
    }

    /**
     * The problem's metadata with {@code "reasoning"} and {@code "solution"} added.
     *
     * @param answer      the answer the closing sentence states
     * @param answerBlock what goes inside {@code <answer>} (the answer itself, or Countdown's expression)
     */
    Map<String, Object> addTo(Map<String, Object> metadata, String answer, String answerBlock) {
        String reasoning = String.join("\n", steps) + (steps.isEmpty() ? "" : "\n") + "The answer is " + answer + ".";
        Map<String, Object> withSolution = new LinkedHashMap<>(metadata);
        withSolution.put("reasoning", reasoning);
        withSolution.put("solution", reasoning + "\n<answer>" + answerBlock + "</answer>");
        return withSolution;
    }
}
