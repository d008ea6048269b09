package dev.reason4j.datasets;

import dev.reason4j.core.Problem;

import java.util.List;

/**
 * What a {@link ProblemSource} produced.
 *
 * @param problems the problems, in source order
 * @param skipped  the rows left out under {@link BadRowPolicy#SKIP} (empty for generated sources)
 */
public record LoadedProblems(List<Problem> problems, List<BadRow> skipped) {
    public LoadedProblems {
        problems = List.copyOf(problems);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public static LoadedProblems of(List<Problem> problems) {
        return new LoadedProblems(problems, List.of());
    }
}
