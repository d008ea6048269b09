package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.verifiers.math.MathVerifier;
import java.util.Objects;
import java.util.Set;

/**
 * Kimi k1.5's length penalty (Kimi Team 2025, §2.3.3), as open-r1's {@code len_reward}: within a
 * group, shorter completions earn more, and a wrong one never earns a bonus for being short.
 *
 * <pre>
 *   λ_i = 0.5 − (L_i − min_j L_j) / (max_j L_j − min_j L_j)
 *   correct: λ_i        wrong: min(0, λ_i)        all lengths equal: 0
 * </pre>
 *
 * L is the length in tokens (open-r1 uses characters); the minimum and maximum are over the whole
 * group. Correctness is the {@link MathVerifier}'s, as for {@link AccuracyReward}; a completion whose
 * reference is unusable or whose check failed gets NaN. Values lie in [−0.5, 0.5]. Kimi warms this
 * reward up over training; weight it low at first. No parameters.
 *
 * <p>This is the one built-in whose value depends on the group, so {@link RewardScorer} scores a
 * whole group at once, within the per-completion time limit times the group size; if that runs out
 * every completion of the group gets −0.5, the worst value.
 */
public final class LengthPenaltyReward implements RewardFunction {
    public static final String NAME = "length";

    private final MathVerifier verifier;

    public LengthPenaltyReward(MathVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of(), p -> new LengthPenaltyReward(new MathVerifier()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] score(Group group) {
        Judgement[] judgements = new Judgement[group.size()];
        int[] lengths = new int[group.size()];
        for (int i = 0; i < judgements.length; i++) {
            Completion completion = group.completions().get(i);
            lengths[i] = completion.length();
            try {
                judgements[i] = Judgement.ofMath(verifier, group.problem(), completion);
            } catch (InfrastructureFailureException e) {
                judgements[i] = Judgement.NOT_APPLICABLE;
            }
        }
        return values(judgements, lengths);
    }

    @Override
    public double failureValue(Problem problem, Completion completion) {
        return -0.5;
    }

    static double[] values(Judgement[] judgements, int[] lengths) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int length : lengths) {
            min = Math.min(min, length);
            max = Math.max(max, length);
        }
        double[] out = new double[lengths.length];
        for (int i = 0; i < out.length; i++) {
            double lambda = max == min ? 0 : 0.5 - (double) (lengths[i] - min) / (max - min);
            out[i] = switch (judgements[i]) {
                case CORRECT -> lambda;
                case WRONG -> Math.min(0, lambda);
                case NOT_APPLICABLE -> Double.NaN;
            };
        }
        return out;
    }
}
