package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Group-relative advantages, the oracle and the implementation at once (they are cheap: one number
 * per completion).
 *
 * <p>Conventions, all as TRL's GRPO: the std is the <b>sample</b> std (divisor n − 1, as
 * {@code torch.std}) over the finite rewards; ε is added to the std, not to the variance, and defaults
 * to {@value #DEFAULT_EPSILON}. A NaN reward ("not applicable") is left out of every mean and std and
 * its completion gets A = 0. A group whose finite rewards are fewer than two, or all equal, carries no
 * signal and gets A = 0 for every completion, exactly (not a rounding residue).
 *
 * @param scaling the baseline and scale (GRPO, batch std, Dr. GRPO, RLOO)
 * @param epsilon added to the std before dividing; ≥ 0
 */
public record GroupRelativeAdvantages(AdvantageScaling scaling, double epsilon) {
    /** TRL's ε. */
    public static final double DEFAULT_EPSILON = 1e-4;

    public GroupRelativeAdvantages {
        Objects.requireNonNull(scaling, "GroupRelativeAdvantages.scaling: choose group, batch, none or rloo");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new Reason4jException("GroupRelativeAdvantages.epsilon must be a finite number ≥ 0 (it keeps a "
                    + "tiny std from blowing advantages up), got " + epsilon + "; TRL uses " + DEFAULT_EPSILON);
        }
    }

    public GroupRelativeAdvantages(AdvantageScaling scaling) {
        this(scaling, DEFAULT_EPSILON);
    }

    /**
     * @param rewardsPerGroup one row per group (rows may differ in length), one reward per completion;
     *                        NaN means not applicable; ±∞ is rejected
     * @return advantages in the same layout
     */
    public double[][] compute(double[][] rewardsPerGroup) {
        validate(rewardsPerGroup);
        double batchStd = RewardStatistics.sampleStd(
                Arrays.stream(rewardsPerGroup).flatMapToDouble(Arrays::stream).toArray());
        double[][] out = new double[rewardsPerGroup.length][];
        for (int g = 0; g < rewardsPerGroup.length; g++) {
            double[] group = rewardsPerGroup[g];
            out[g] = RewardStatistics.uninformative(group)
                    ? new double[group.length]
                    : scaling.advantages(group, batchStd, epsilon);
        }
        return out;
    }

    private static void validate(double[][] rewardsPerGroup) {
        Objects.requireNonNull(rewardsPerGroup, "rewardsPerGroup");
        for (int g = 0; g < rewardsPerGroup.length; g++) {
            if (rewardsPerGroup[g] == null) {
                throw new Reason4jException("rewards of group " + g + " are missing (null); pass an empty array "
                        + "for a group without completions");
            }
            for (int i = 0; i < rewardsPerGroup[g].length; i++) {
                if (Double.isInfinite(rewardsPerGroup[g][i])) {
                    throw new Reason4jException("reward of completion " + i + " in group " + g + " is "
                            + rewardsPerGroup[g][i] + "; rewards must be finite, or NaN for 'not applicable'");
                }
            }
        }
    }
}
