package dev.reason4j.experiments.eval;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.eval.ProblemScorer.RawSample;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a policy: k samples per problem from a {@link RolloutEngine}, each judged by its
 * problem's verifier, summarised as pass@1, pass@k, maj@k, format compliance and lengths.
 *
 * <p>Reproducible: problem i samples under seed {@link #problemSeed}(seed, i), sample j as sequence
 * id j of it, and the greedy sample (if asked for) at temperature 0 — so the numbers do not depend
 * on batching or on which engine serves the requests, only on the seed and the problems' order.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final RolloutEngine engine;
    private final PromptEncoder encoder;
    private final ProblemJudge judge;

    /** Borrows all three; their owners close them. */
    public Evaluator(RolloutEngine engine, PromptEncoder encoder, ProblemJudge judge) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    /** Samples, judges and summarises {@code problems} (raw dataset problems: the settings' template is applied here). */
    public EvalResults evaluate(List<Problem> problems, EvalSettings settings) {
        if (problems.isEmpty()) {
            throw new Reason4jException("no problems to evaluate: the dataset is empty (or --n-problems is 0)");
        }
        long start = System.nanoTime();
        List<ProblemResult> results = new ArrayList<>(problems.size());
        for (int from = 0; from < problems.size(); from += settings.problemsPerBatch()) {
            int to = Math.min(problems.size(), from + settings.problemsPerBatch());
            results.addAll(evaluateBatch(problems, from, to, settings));
            LOG.info("eval: {}/{} problems, running pass@1 {}", to, problems.size(),
                    String.format("%.4f", results.stream().mapToDouble(ProblemResult::passAt1).average().orElse(0)));
        }
        double wallS = (System.nanoTime() - start) / 1e9;
        return new EvalResults(results, EvalSummary.of(results, settings.k(), settings.passAtK(), wallS, settings.describe()));
    }

    /**
     * The seed problem {@code index} samples under: SplitMix64's finaliser of the evaluation seed
     * and the index, so neighbouring problems get unrelated streams.
     */
    public static long problemSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Scores completions produced elsewhere (another engine, another framework) with the same
     * verifiers and estimators. Each JSON line holds {@code "response"} (string) or
     * {@code "responses"} (array); {@code "id"} and/or {@code "problem"}/{@code "question"} (rows of
     * one id, else one question, are merged in file order); the reference as {@code "answer"}, or
     * Countdown's {@code "numbers"} and {@code "target"}, or nothing when the id is one of
     * {@code knownProblems}; optionally {@code "prompt"} (the exact prompt text) and
     * {@code "finish_reason"}/{@code "finish_reasons"}. Bad rows fail with {@code file:line}.
     *
     * @param knownProblems problems whose ids rows may refer to instead of carrying an answer (may be empty)
     * @param k             maj@k vote size; null for the smallest sample count of any problem
     * @param passAtK       ks to report; null for 1, 2, 4, … up to that smallest count
     */
    public static EvalResults scoreExternal(Path responsesJsonl, List<Problem> knownProblems, Integer k, List<Integer> passAtK,
                                            ProblemJudge judge) {
        return ExternalResponses.score(responsesJsonl, knownProblems, k, passAtK, judge);
    }

    /** Per-problem differences and summary deltas between two evaluations of the same problems. */
    public static Comparison compare(EvalResults base, EvalResults trained) {
        return Comparison.of(base, trained);
    }

    private List<ProblemResult> evaluateBatch(List<Problem> problems, int from, int to, EvalSettings settings) {
        List<Problem> rendered = new ArrayList<>(to - from);
        List<PromptEncoder.EncodedPrompt> prompts = new ArrayList<>(to - from);
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Problem p = settings.template().applyTo(problems.get(i));
            PromptEncoder.EncodedPrompt prompt = encoder.encode(p.prompt());
            rendered.add(p);
            prompts.add(prompt);
            requests.add(new GenerationRequest(prompt.ids(), settings.k(), settings.sampling().withSeed(problemSeed(
                    settings.sampling().seed(), i))));
        }
        if (settings.greedy()) {
            SamplingParams s = settings.sampling();
            SamplingParams greedy = new SamplingParams(0, 0, 1.0, 0, s.maxNewTokens(), s.stop(), s.seed(), false);
            prompts.forEach(p -> requests.add(new GenerationRequest(p.ids(), 1, greedy)));
        }
        List<List<Completion>> completions = engine.generate(requests);
        requireShape(completions, requests);
        List<ProblemResult> out = new ArrayList<>(rendered.size());
        for (int b = 0; b < rendered.size(); b++) {
            RawSample greedy = settings.greedy() ? raw(completions.get(rendered.size() + b).get(0)) : null;
            out.add(ProblemScorer.score(rendered.get(b), prompts.get(b).text(),
                    completions.get(b).stream().map(Evaluator::raw).toList(), greedy, settings.k(), judge));
        }
        return out;
    }

    private static RawSample raw(Completion c) {
        return new RawSample(c.text(), c.finishReason().wire(), c.length());
    }

    private static void requireShape(List<List<Completion>> completions, List<GenerationRequest> requests) {
        if (completions.size() != requests.size()) {
            throw new IllegalStateException("the rollout engine answered " + completions.size() + " of " + requests.size() + " requests");
        }
        for (int i = 0; i < requests.size(); i++) {
            if (completions.get(i).size() != requests.get(i).n()) {
                throw new IllegalStateException("the rollout engine returned " + completions.get(i).size() + " completions for request "
                        + i + ", which asked for " + requests.get(i).n());
            }
        }
    }
}
