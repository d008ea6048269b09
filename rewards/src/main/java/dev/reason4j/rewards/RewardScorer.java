package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rewards.TimeLimitedExecutor.Attempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a batch of groups with a {@link RewardCombination}, in parallel on a bounded pool, with a
 * time limit per completion and reward.
 *
 * <p>The rules, per completion and reward: a finite value is kept; NaN is "not applicable"; an
 * {@link InfrastructureFailureException} gives NaN, counted apart; running past the time limit, or
 * throwing anything else, or returning ±∞, gives the reward's {@link RewardFunction#failureValue}
 * (the wrong value, for a verifier-backed reward: a model must not escape a penalty by hanging the
 * checker), counted. {@link #score} never throws because of one completion. A
 * {@link CompletionReward} is run once per completion; any other reward once per group, with the
 * time limit times the group size, and a failure applies to the whole group.
 *
 * <p>Does not own the combination: close that separately. {@link #close()} stops the threads.
 */
public final class RewardScorer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RewardScorer.class);

    private final RewardCombination rewards;
    private final RewardScorerConfig config;
    private final TimeLimitedExecutor executor;

    /** One reward's pending result for one completion ({@code completion ≥ 0}) or a whole group ({@code -1}). */
    private record Pending(ComponentScores scores, int group, int completion, CompletableFuture<Attempt<double[]>> outcome) {
    }

    public RewardScorer(RewardCombination rewards, RewardScorerConfig config) {
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new TimeLimitedExecutor(config.parallelism());
    }

    /** Every component's values, the totals and the report for {@code groups}. */
    public ScoredBatch score(List<Group> groups) {
        List<ComponentScores> components = new ArrayList<>();
        for (WeightedReward component : rewards.components()) {
            components.add(new ComponentScores(component, groups));
        }
        List<Pending> pending = submitAll(groups, components);
        for (Pending p : pending) {
            settle(p, groups.get(p.group()), p.outcome().join());
        }
        double[][] totals = totals(groups, components);
        Map<String, double[][]> byName = new LinkedHashMap<>();
        List<RewardReport.Component> lines = new ArrayList<>();
        for (ComponentScores c : components) {
            byName.put(c.component.name(), c.values);
            RewardReport.Component line = c.report();
            lines.add(line);
            if (line.timedOut() + line.failed() + line.infrastructureFailures() > 0) {
                log.warn("reward '{}': {} timed out, {} failed, {} infrastructure failures in {} completions", line.name(),
                        line.timedOut(), line.failed(), line.infrastructureFailures(), countCompletions(groups));
            }
        }
        return new ScoredBatch(totals, byName, report(totals, lines));
    }

    private List<Pending> submitAll(List<Group> groups, List<ComponentScores> components) {
        List<Pending> pending = new ArrayList<>();
        try {
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                for (ComponentScores scores : components) {
                    RewardFunction reward = scores.component.reward();
                    if (reward instanceof CompletionReward single) {
                        for (int i = 0; i < group.size(); i++) {
                            Completion completion = group.completions().get(i);
                            pending.add(new Pending(scores, g, i, executor.submit(
                                    () -> new double[] {single.score(group.problem(), completion)}, config.timeLimit())));
                        }
                    } else {
                        Duration limit = config.timeLimit().multipliedBy(group.size());
                        pending.add(new Pending(scores, g, -1, executor.submit(() -> reward.score(group), limit)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.forEach(p -> p.outcome().cancel(false));
            throw new Reason4jException("reward scoring was interrupted", e);
        }
        return pending;
    }

    /** Records the outcome of one pending task under the rules in the class comment. */
    private void settle(Pending p, Group group, Attempt<double[]> attempt) {
        int first = p.completion() < 0 ? 0 : p.completion();
        int count = p.completion() < 0 ? group.size() : 1;
        RewardFunction reward = p.scores().component.reward();
        ScoreStatus failure = switch (attempt.ending()) {
            case TIMED_OUT -> ScoreStatus.TIMED_OUT;
            case THREW -> attempt.error() instanceof InfrastructureFailureException
                    ? ScoreStatus.INFRASTRUCTURE_FAILURE : ScoreStatus.FAILED;
            case RETURNED -> attempt.value() == null || attempt.value().length != count ? ScoreStatus.FAILED : null;
        };
        if (failure != null) {
            log.debug("reward '{}' on problem {}: {}", reward.name(), group.problem().id(), failure, attempt.error());
        }
        for (int k = 0; k < count; k++) {
            int i = first + k;
            if (failure == ScoreStatus.INFRASTRUCTURE_FAILURE) {
                p.scores().set(p.group(), i, Double.NaN, failure);
            } else if (failure != null) {
                p.scores().set(p.group(), i, failureValue(reward, group, i), failure);
            } else {
                double v = attempt.value()[k];
                if (Double.isNaN(v)) {
                    p.scores().set(p.group(), i, v, ScoreStatus.NOT_APPLICABLE);
                } else if (Double.isInfinite(v)) {
                    p.scores().set(p.group(), i, failureValue(reward, group, i), ScoreStatus.FAILED);
                } else {
                    p.scores().set(p.group(), i, v, ScoreStatus.SCORED);
                }
            }
        }
    }

    private static double failureValue(RewardFunction reward, Group group, int i) {
        try {
            double v = reward.failureValue(group.problem(), group.completions().get(i));
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (RuntimeException e) {
            log.warn("reward '{}': failureValue threw; using NaN", reward.name(), e);
            return Double.NaN;
        }
    }

    private double[][] totals(List<Group> groups, List<ComponentScores> components) {
        double[][] totals = new double[groups.size()][];
        double[] values = new double[components.size()];
        for (int g = 0; g < groups.size(); g++) {
            totals[g] = new double[groups.get(g).size()];
            for (int i = 0; i < totals[g].length; i++) {
                for (int k = 0; k < values.length; k++) {
                    values[k] = components.get(k).values[g][i];
                }
                totals[g][i] = rewards.total(values);
            }
        }
        return totals;
    }

    private static RewardReport report(double[][] totals, List<RewardReport.Component> lines) {
        int completions = 0;
        int nan = 0;
        double sum = 0;
        for (double[] group : totals) {
            for (double t : group) {
                completions++;
                if (Double.isNaN(t)) {
                    nan++;
                } else {
                    sum += t;
                }
            }
        }
        return new RewardReport(completions, completions == nan ? Double.NaN : sum / (completions - nan), nan, lines);
    }

    private static int countCompletions(List<Group> groups) {
        return groups.stream().mapToInt(Group::size).sum();
    }

    @Override
    public void close() {
        executor.close();
    }
}
