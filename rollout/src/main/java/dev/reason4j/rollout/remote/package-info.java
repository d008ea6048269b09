/**
 * Rollouts from inference servers that speak OpenAI's completions protocol (reason4j's own
 * {@code serve}, vLLM, SGLang): {@link dev.reason4j.rollout.remote.RemoteRolloutEngine} spreads requests
 * over them with failover, and a {@link dev.reason4j.rollout.remote.WeightReloader} publishes new weights.
 */
package dev.reason4j.rollout.remote;
