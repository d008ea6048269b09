/**
 * Reward functions over groups of completions and their weighted combination. No DJL.
 *
 * <p>{@link dev.reason4j.rewards.RewardFunction} is the one concept; the built-ins are listed in
 * {@link dev.reason4j.rewards.RewardRegistry#builtIns()}, custom ones are found through
 * {@link dev.reason4j.rewards.RewardFactory} and {@link java.util.ServiceLoader}.
 * {@link dev.reason4j.rewards.RewardScorer} scores a batch in parallel with per-completion time
 * limits and reports each component. NaN means "not applicable"; a response that makes a checker
 * time out or crash is wrong, never NaN.
 */
package dev.reason4j.rewards;
