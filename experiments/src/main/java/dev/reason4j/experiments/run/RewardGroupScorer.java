package dev.reason4j.experiments.run;

import dev.reason4j.core.Group;
import dev.reason4j.grpo.train.GroupScorer;
import dev.reason4j.rewards.RewardCombination;
import dev.reason4j.rewards.RewardRegistry;
import dev.reason4j.rewards.RewardReport;
import dev.reason4j.rewards.RewardScorer;
import dev.reason4j.rewards.RewardScorerConfig;
import dev.reason4j.rewards.RewardSpec;
import dev.reason4j.rewards.ScoredBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rewards module's {@link RewardScorer} as the trainer's {@link GroupScorer}: totals and
 * per-reward values pass through unchanged; {@code correct} comes from the {@link AccuracySignal};
 * {@code notApplicable} counts completions whose total is NaN (every reward inapplicable: advantage 0).
 * Counts of timed-out, failed and infrastructure-failed scorings are kept for the run's summary.
 * Owns the rewards and the scorer's threads.
 */
public final class RewardGroupScorer implements GroupScorer, AutoCloseable {
    private final RewardCombination rewards;
    private final RewardScorer scorer;
    private final AccuracySignal signal;
    private final Map<String, Long> failures = new LinkedHashMap<>();

    private RewardGroupScorer(RewardCombination rewards, RewardScorer scorer, AccuracySignal signal) {
        this.rewards = rewards;
        this.scorer = scorer;
        this.signal = signal;
    }

    /** The scorer for {@code specs}, each reward built by the registry. */
    public static RewardGroupScorer create(List<RewardSpec> specs) {
        RewardCombination rewards = RewardRegistry.load().combination(specs);
        return new RewardGroupScorer(rewards, new RewardScorer(rewards, RewardScorerConfig.defaults()), AccuracySignal.of(specs));
    }

    @Override
    public Scores score(List<Group> groups) {
        ScoredBatch batch = scorer.score(groups);
        RewardReport report = batch.report();
        for (RewardReport.Component c : report.components()) {
            failures.merge("timed_out", (long) c.timedOut(), Long::sum);
            failures.merge("failed", (long) c.failed(), Long::sum);
            failures.merge("infrastructure_failures", (long) c.infrastructureFailures(), Long::sum);
        }
        return new Scores(batch.totals(), batch.components(), signal.correct(batch.totals(), batch.components()), report.nanTotals());
    }

    /** Scorings so far that timed out, failed, or met a broken checker, summed over the rewards. */
    public Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    /** The reward whose value decides {@code correct}, or "total". */
    public String accuracyFrom() {
        return signal.component() == null ? "total" : signal.component();
    }

    @Override
    public void close() {
        scorer.close();
        rewards.close();
    }
}
