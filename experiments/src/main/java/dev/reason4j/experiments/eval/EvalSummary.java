package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reason4j.core.Reason4jException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The numbers of one evaluation: {@code summary.json}, and the line the {@code eval} command prints.
 *
 * @param problems             problems evaluated
 * @param k                    samples per problem that maj@k votes over (the sample count of a generated evaluation)
 * @param samples              samples judged in all (greedy ones not included)
 * @param passAt1              mean over problems of c/n (R1's pass@1 averaged over the samples)
 * @param passAtK              unbiased pass@k (Chen et al.) for each chosen k, keyed by k
 * @param majAtK               fraction of problems whose majority answer among the first k samples is correct
 * @param greedyAccuracy       fraction of problems whose temperature-0 sample is correct; null when not measured
 * @param formatR1             fraction of samples with the {@code <think>…</think><answer>…</answer>} layout
 * @param formatAnswer         fraction of samples an answer could be extracted from
 * @param meanCompletionTokens mean completion length in tokens; null when no sample's length is known
 * @param truncationRate       fraction of samples that hit the token limit; null when no finish reason is known
 * @param unjudgedSamples      samples the verifier could not judge (counted as incorrect above)
 * @param wallS                seconds the evaluation took; null for a recomputed summary
 * @param settings             how the samples were drawn (template, temperature, top_p, max_new_tokens, seed…)
 */
public record EvalSummary(int problems, int k, int samples, @JsonProperty("pass_at_1") double passAt1,
                          @JsonProperty("pass_at_k") Map<Integer, Double> passAtK, @JsonProperty("maj_at_k") double majAtK,
                          Double greedyAccuracy, @JsonProperty("format_r1") double formatR1, double formatAnswer,
                          Double meanCompletionTokens, Double truncationRate, int unjudgedSamples, Double wallS,
                          Map<String, Object> settings) {
    public EvalSummary {
        passAtK = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(passAtK, "EvalSummary.pass_at_k")));
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The summary of {@code results}.
     *
     * @param k       the maj@k vote size the results were built with
     * @param passAtK the ks to report; each must be at most every problem's sample count
     */
    public static EvalSummary of(List<ProblemResult> results, int k, List<Integer> passAtK, Double wallS,
                                 Map<String, Object> settings) {
        if (results.isEmpty()) {
            throw new Reason4jException("nothing to summarise: the evaluation has no problems");
        }
        int[] n = results.stream().mapToInt(ProblemResult::n).toArray();
        int[] c = results.stream().mapToInt(ProblemResult::c).toArray();
        Map<Integer, Double> passAt = new TreeMap<>();
        for (int kk : passAtK) {
            passAt.put(kk, PassAtK.meanPassAtK(n, c, kk));
        }
        List<SampleResult> all = results.stream().flatMap(r -> r.samples().stream()).toList();
        return new EvalSummary(results.size(), k, all.size(), PassAtK.passAt1(c, n), passAt,
                mean(results.stream().map(r -> r.majCorrect() ? 1.0 : 0.0).toList()), greedyAccuracy(results),
                mean(all.stream().map(s -> s.formatR1() ? 1.0 : 0.0).toList()),
                mean(all.stream().map(s -> s.answerFound() ? 1.0 : 0.0).toList()),
                meanOrNull(all.stream().filter(s -> s.length() != null).map(s -> (double) s.length()).toList()),
                meanOrNull(all.stream().filter(s -> s.finishReason() != null).map(s -> s.truncated() ? 1.0 : 0.0).toList()),
                (int) all.stream().filter(s -> !s.judged()).count(), wallS, settings);
    }

    private static Double greedyAccuracy(List<ProblemResult> results) {
        if (results.stream().anyMatch(r -> r.greedy() == null)) {
            return null;
        }
        return mean(results.stream().map(r -> r.greedy().correct() ? 1.0 : 0.0).toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static Double meanOrNull(List<Double> values) {
        return values.isEmpty() ? null : mean(values);
    }
}
