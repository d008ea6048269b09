package dev.reason4j.rewards;

import java.util.Map;

/**
 * The rewards of a batch of groups. Arrays are (group, completion), in the order given to
 * {@link RewardScorer#score}; the caller owns them.
 *
 * @param totals     the weighted totals (see {@link RewardCombination}); NaN where every component is NaN
 * @param components each component's values by reward name, in configuration order
 * @param report     means and counts for the log
 */
public record ScoredBatch(double[][] totals, Map<String, double[][]> components, RewardReport report) {

    /** The values of the component named {@code name}. */
    public double[][] component(String name) {
        double[][] values = components.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no reward component named '" + name + "'; have " + components.keySet());
        }
        return values;
    }
}
