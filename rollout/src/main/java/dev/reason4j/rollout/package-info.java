/** Sampling groups of completions from the policy (local and remote engines) and the rollout server. */
package dev.reason4j.rollout;
