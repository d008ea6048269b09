package dev.reason4j.verifiers.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups sampled responses by equivalent final answer, for majority voting (maj@k).
 *
 * <pre>{@code
 * List<List<Integer>> groups = AnswerGroups.group(math, responses);
 * List<Integer> majority = groups.isEmpty() ? List.of() : groups.get(0);   // largest first
 * }</pre>
 */
public final class AnswerGroups {

    private AnswerGroups() {
    }

    /**
     * Indices of {@code responses} grouped by equivalent answer ({@link MathVerifier#extractAnswer}
     * then {@link MathVerifier#equivalent} against each group's first member). Responses without a
     * single answer are left out. Largest group first; ties keep the order of first appearance.
     * O(k × groups) equivalence checks.
     */
    public static List<List<Integer>> group(MathVerifier verifier, List<String> responses) {
        List<String> representatives = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Optional<String> answer = verifier.extractAnswer(responses.get(i));
            if (answer.isEmpty()) {
                continue;
            }
            int g = 0;
            while (g < representatives.size() && !verifier.equivalent(representatives.get(g), answer.get())) {
                g++;
            }
            if (g == representatives.size()) {
                representatives.add(answer.get());
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(i);
        }
        List<List<Integer>> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return sorted;
    }
}
