package dev.reason4j.experiments.eval;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.prompt.PromptTemplate;
import dev.reason4j.rollout.SamplingParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an evaluation samples.
 *
 * @param template         turns each problem's question into the prompt
 * @param k                samples per problem (pass@1 averages over them; maj@k votes over them)
 * @param sampling         sampling settings; its seed is the evaluation's seed, from which each
 *                         problem's own seed is derived by its index (see {@link Evaluator})
 * @param passAtK          the ks to report pass@k for, each in 1..k
 * @param greedy           also draw one temperature-0 sample per problem (greedy accuracy)
 * @param problemsPerBatch problems sent to the engine per generate call (progress is logged per batch)
 */
public record EvalSettings(PromptTemplate template, int k, SamplingParams sampling, List<Integer> passAtK, boolean greedy,
                           int problemsPerBatch) {
    public EvalSettings {
        Objects.requireNonNull(template, "EvalSettings.template");
        Objects.requireNonNull(sampling, "EvalSettings.sampling");
        if (k < 1) {
            throw new Reason4jException("k (samples per problem) must be ≥ 1, got " + k);
        }
        passAtK = passAtK == null ? defaultPassAtK(k) : List.copyOf(passAtK);
        requirePassAtKWithin(passAtK, k, "k");
        if (problemsPerBatch < 1) {
            throw new Reason4jException("problemsPerBatch must be ≥ 1, got " + problemsPerBatch);
        }
    }

    /** DeepSeek-R1's protocol (temperature 0.6, top-p 0.95), pass@k at 1, 2, 4, … up to k, no greedy sample. */
    public static EvalSettings r1(PromptTemplate template, int k, int maxNewTokens, long seed) {
        return new EvalSettings(template, k, SamplingParams.r1Evaluation(maxNewTokens, seed), null, false, 32);
    }

    public EvalSettings withGreedy(boolean withGreedy) {
        return new EvalSettings(template, k, sampling, passAtK, withGreedy, problemsPerBatch);
    }

    public EvalSettings withPassAtK(List<Integer> ks) {
        return new EvalSettings(template, k, sampling, ks, greedy, problemsPerBatch);
    }

    public EvalSettings withProblemsPerBatch(int problems) {
        return new EvalSettings(template, k, sampling, passAtK, greedy, problems);
    }

    /** 1, 2, 4, … up to k, and k itself. */
    public static List<Integer> defaultPassAtK(int k) {
        List<Integer> ks = new ArrayList<>();
        for (int p = 1; p <= k; p *= 2) {
            ks.add(p);
        }
        if (ks.get(ks.size() - 1) != k) {
            ks.add(k);
        }
        return ks;
    }

    /** Fails with a message naming the bad k when one is outside 1..max. */
    static void requirePassAtKWithin(List<Integer> ks, int max, String what) {
        for (Integer kk : ks) {
            if (kk == null || kk < 1 || kk > max) {
                throw new Reason4jException("pass@" + kk + " cannot be estimated from " + max + " samples per problem ("
                        + what + " = " + max + "): choose pass@k values in 1.." + max + " or sample more");
            }
        }
    }

    /** The settings as {@code summary.json} records them. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("template", template.name());
        out.put("temperature", sampling.temperature());
        out.put("top_p", sampling.topP());
        out.put("top_k", sampling.topK());
        out.put("min_p", sampling.minP());
        out.put("max_new_tokens", sampling.maxNewTokens());
        out.put("stop", sampling.stop());
        out.put("seed", sampling.seed());
        out.put("greedy", greedy);
        return out;
    }
}
