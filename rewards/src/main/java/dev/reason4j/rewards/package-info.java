/** Reward functions over groups of completions and their weighted combination. No DJL. */
package dev.reason4j.rewards;
