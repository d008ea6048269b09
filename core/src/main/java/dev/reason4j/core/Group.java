package dev.reason4j.core;

import java.util.List;
import java.util.Objects;

/**
 * The G completions of one problem: GRPO's unit of comparison.
 *
 * @param problem     what was asked
 * @param completions in sample order (sample i used sequence id i of the request's seed)
 */
public record Group(Problem problem, List<Completion> completions) {
    public Group {
        Objects.requireNonNull(problem, "Group.problem");
        completions = List.copyOf(completions);
        if (completions.isEmpty()) {
            throw new Reason4jException("a Group needs at least one completion (problem " + problem.id() + ")");
        }
    }

    public int size() {
        return completions.size();
    }
}
