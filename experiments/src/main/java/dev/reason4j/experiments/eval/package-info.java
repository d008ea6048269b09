/**
 * Evaluation: k samples per problem, judged by the problem's verifier, summarised as pass@1
 * (averaged over the k samples), unbiased pass@k and maj@k.
 *
 * <pre>{@code
 * try (ProblemJudge judge = new ProblemJudge()) {
 *     Evaluator evaluator = new Evaluator(engine, new TokenizerPromptEncoder(tokenizer), judge);
 *     EvalResults results = evaluator.evaluate(problems, EvalSettings.r1(PromptTemplates.named("r1_zero"), 4, 512, 0));
 *     EvalFiles.write(Path.of("eval"), results);              // results.jsonl + summary.json
 * }
 * }</pre>
 *
 * <p>The estimators ({@link dev.reason4j.experiments.eval.PassAtK},
 * {@link dev.reason4j.experiments.eval.MajorityVote}) are pure functions; the rest wires
 * problems, a {@link dev.reason4j.rollout.RolloutEngine} and the verifiers together.
 */
package dev.reason4j.experiments.eval;
