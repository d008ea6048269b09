package dev.reason4j.experiments.eval;

import java.util.List;
import java.util.Objects;

/** A whole evaluation: one {@link ProblemResult} per problem, in problem order, and their summary. */
public record EvalResults(List<ProblemResult> problems, EvalSummary summary) {
    public EvalResults {
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "EvalResults.summary");
    }
}
