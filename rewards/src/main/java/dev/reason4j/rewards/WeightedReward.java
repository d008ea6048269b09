package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.util.Objects;

/**
 * One component of a {@link RewardCombination}.
 *
 * @param reward the function
 * @param weight its factor in the total; 0 keeps it in the report without training on it
 */
public record WeightedReward(RewardFunction reward, double weight) {
    public WeightedReward {
        Objects.requireNonNull(reward, "WeightedReward.reward");
        if (!Double.isFinite(weight)) {
            throw new Reason4jException("the weight of reward '" + reward.name() + "' must be a finite number, got " + weight);
        }
    }

    public String name() {
        return reward.name();
    }
}
