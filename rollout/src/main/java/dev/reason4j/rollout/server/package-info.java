/**
 * The rollout service: an OpenAI-compatible HTTP front ({@link dev.reason4j.rollout.server.RolloutServer})
 * over one {@link dev.reason4j.rollout.RolloutEngine}, driven by a single batching thread
 * ({@link dev.reason4j.rollout.server.BatchScheduler}) that also swaps in reloaded weights between batches.
 */
package dev.reason4j.rollout.server;
