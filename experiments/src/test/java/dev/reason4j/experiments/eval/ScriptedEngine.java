package dev.reason4j.experiments.eval;

import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double: problem i's question is {@code "Q<i>"}, its prompt encodes to the single id i, and
 * the engine answers with scripted completions (sampled ones in order, the greedy one at temperature 0).
 */
final class ScriptedEngine implements RolloutEngine {
    private static final Pattern QUESTION = Pattern.compile("Q(\\d+)");

    final List<List<Completion>> sampled;
    final List<Completion> greedy;
    final List<GenerationRequest> seen = new ArrayList<>();

    ScriptedEngine(List<List<Completion>> sampled, List<Completion> greedy) {
        this.sampled = sampled;
        this.greedy = greedy;
    }

    static Problem problem(int index, String answer) {
        return Problem.math("p" + index, Prompt.text("Q" + index), answer, Map.of());
    }

    /** Encodes a rendered prompt as the index of the question it holds. */
    static PromptEncoder encoder() {
        return prompt -> {
            Matcher m = QUESTION.matcher(prompt.text());
            if (!m.find()) {
                throw new AssertionError("no question in " + prompt.text());
            }
            return new PromptEncoder.EncodedPrompt(prompt.text(), new int[] {Integer.parseInt(m.group(1))});
        };
    }

    static Completion stop(String text, int tokens) {
        return new Completion(new int[] {0}, new int[tokens], text, new float[tokens], FinishReason.STOP);
    }

    static Completion cut(String text, int tokens) {
        return new Completion(new int[] {0}, new int[tokens], text, new float[tokens], FinishReason.LENGTH);
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        List<List<Completion>> out = new ArrayList<>();
        for (GenerationRequest r : requests) {
            seen.add(r);
            int problem = r.promptIds()[0];
            out.add(r.params().greedy() ? List.of(greedy.get(problem)) : sampled.get(problem));
        }
        return out;
    }

    @Override
    public RolloutStats lastStats() {
        return RolloutStats.NONE;
    }

    @Override
    public void close() {
    }
}
