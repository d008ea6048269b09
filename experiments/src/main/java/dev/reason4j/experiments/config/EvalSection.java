package dev.reason4j.experiments.config;

import java.util.List;

/**
 * Evaluation on the held-out problems ({@code data.held_out} or {@code data.eval_source}), before
 * training, every {@code every} steps, and after. DeepSeek-R1's protocol is the default: k samples per
 * problem at temperature 0.6, top-p 0.95, reporting pass@1 averaged over the k samples.
 *
 * @param k            samples per problem (default 4; R1 used 64: more samples, less noise, more compute)
 * @param temperature  sampling temperature (default 0.6)
 * @param topP         nucleus sampling (default 0.95)
 * @param maxNewTokens longest completion (default null: rollout.max_new_tokens)
 * @param nProblems    evaluate on the first n held-out problems only (default null: all)
 * @param every        also evaluate every N training steps (default 0: before and after only); the best
 *                     checkpoint by pass@1 is kept
 * @param greedy       also draw one temperature-0 sample per problem (greedy accuracy; default false)
 * @param passAt       the ks for unbiased pass@k (Chen et al. 2021), each in 1..k (default null: 1, 2, 4, … k)
 */
public record EvalSection(@Default("4") @Range(min = 1) int k,
                          @Default("0.6") @Range(min = 0) double temperature,
                          @Default("0.95") @Range(min = 0, max = 1, minExclusive = true) double topP,
                          @Default("null") @Range(min = 1) Integer maxNewTokens,
                          @Default("null") @Range(min = 1) Integer nProblems,
                          @Default("0") @Range(min = 0) int every,
                          @Default("false") boolean greedy,
                          @Default("null") List<Integer> passAt) {
    public EvalSection {
        if (passAt != null) {
            for (int p : passAt) {
                if (p < 1 || p > k) {
                    throw new InvalidSetting("pass_at", "pass@" + p + " cannot be estimated from k = " + k
                            + " samples per problem; use values in 1.." + k + " or raise k");
                }
            }
        }
    }

    /** The ks to report: pass_at, or 1, 2, 4, … up to k, and k. */
    public List<Integer> resolvedPassAt() {
        if (passAt != null) {
            return passAt;
        }
        List<Integer> ks = new java.util.ArrayList<>();
        for (int p = 1; p <= k; p *= 2) {
            ks.add(p);
        }
        if (ks.get(ks.size() - 1) != k) {
            ks.add(k);
        }
        return List.copyOf(ks);
    }
}
