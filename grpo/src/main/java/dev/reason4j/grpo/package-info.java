/** GRPO: advantages, policy-loss variants, optimizer, trainer loop, reference model, checkpoints, SFT warm start. */
package dev.reason4j.grpo;
