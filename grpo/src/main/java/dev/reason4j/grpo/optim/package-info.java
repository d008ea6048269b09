/**
 * Optimisation pieces the trainer composes: {@link dev.reason4j.grpo.optim.AdamW} with state we own
 * (so a resumed run continues bit-identically), global-norm gradient clipping and zeroing
 * ({@link dev.reason4j.grpo.optim.Gradients}), and learning-rate schedules as pure functions of the step.
 */
package dev.reason4j.grpo.optim;
