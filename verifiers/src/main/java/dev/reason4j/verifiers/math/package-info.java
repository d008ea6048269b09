/**
 * Checking math answers: {@link dev.reason4j.verifiers.math.MathVerifier} (configured by
 * {@link dev.reason4j.verifiers.math.MathVerifierConfig}) extracts the answer a response commits to
 * ({@link dev.reason4j.verifiers.math.AnswerExtractor}), normalizes LaTeX surface forms, and decides
 * equivalence exactly for rationals, by a stated tolerance only against decimal approximations, and
 * by sampling for expressions with variables. Caps and a per-check deadline bound every check.
 * {@link dev.reason4j.verifiers.math.BatchVerifier} runs many checks on a bounded pool.
 */
package dev.reason4j.verifiers.math;
