package dev.reason4j.grpo.train;

import dev.reason4j.core.Group;
import dev.reason4j.rewards.RewardReport;
import dev.reason4j.rewards.RewardScorer;
import dev.reason4j.rewards.ScoredBatch;
import java.util.List;

/**
 * The rewards module's scorer seen by the trainer. "Correct" (the accuracy metric) is the named
 * correctness component being positive — accuracy, countdown or code, whichever the run uses — or, when
 * the run has none of them, the total being positive.
 */
public final class RewardGroupScorer implements GroupScorer {
    private static final List<String> CORRECTNESS = List.of("accuracy", "countdown", "code");
    private final RewardScorer scorer;

    public RewardGroupScorer(RewardScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public Scores score(List<Group> groups) {
        ScoredBatch batch = scorer.score(groups);
        double[][] basis = batch.totals();
        for (String name : CORRECTNESS) {
            if (batch.components().containsKey(name)) {
                basis = batch.components().get(name);
                break;
            }
        }
        boolean[][] correct = new boolean[basis.length][];
        for (int g = 0; g < basis.length; g++) {
            correct[g] = new boolean[basis[g].length];
            for (int i = 0; i < basis[g].length; i++) {
                correct[g][i] = basis[g][i] > 0;
            }
        }
        int notApplicable = batch.report().nanTotals();
        return new Scores(batch.totals(), batch.components(), correct, notApplicable);
    }

    /** Per-component report of the last batch is in the scores; this exposes the report type for callers that want counts. */
    static int infrastructureFailures(RewardReport report) {
        return report.components().stream().mapToInt(RewardReport.Component::infrastructureFailures).sum();
    }
}
