package dev.reason4j.rollout;

import dev.reason4j.core.Reason4jException;
import java.util.List;

/**
 * How to sample one request's completions. Warpers apply in this order, as HF generate does:
 * temperature, then top-k, then top-p, then min-p; then a token is drawn from what is left.
 *
 * @param temperature  logits are divided by it; 0 means greedy (argmax)
 * @param topK         keep the k most likely tokens (ties at the k-th value kept too); 0 = off
 * @param topP         keep the smallest set of most likely tokens whose probability reaches p; 1 = off
 * @param minP         drop tokens whose probability is below minP × the top token's; 0 = off
 * @param maxNewTokens the most tokens a completion may have (finish reason {@code length} past it)
 * @param stop         strings that end a completion (the text is cut before them; finish reason {@code stop})
 * @param seed         with the sample index, keys each completion's random stream
 * @param ignoreEos    keep sampling past EOS until maxNewTokens (benchmarks, like vLLM's ignore_eos)
 */
public record SamplingParams(double temperature, int topK, double topP, double minP, int maxNewTokens,
                             List<String> stop, long seed, boolean ignoreEos) {
    public SamplingParams {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new Reason4jException("temperature must be ≥ 0 (0 = greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new Reason4jException("top_k must be ≥ 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new Reason4jException("top_p must be in (0, 1] (1 = off), got " + topP);
        }
        if (!(minP >= 0 && minP < 1)) {
            throw new Reason4jException("min_p must be in [0, 1) (0 = off), got " + minP);
        }
        if (maxNewTokens < 1) {
            throw new Reason4jException("max_new_tokens must be ≥ 1, got " + maxNewTokens);
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (stop.stream().anyMatch(String::isEmpty)) {
            throw new Reason4jException("stop strings must not be empty");
        }
    }

    public SamplingParams(double temperature, int topK, double topP, double minP, int maxNewTokens, List<String> stop, long seed) {
        this(temperature, topK, topP, minP, maxNewTokens, stop, seed, false);
    }

    /** Plain sampling at temperature 1 with no truncation. */
    public static SamplingParams of(int maxNewTokens, long seed) {
        return new SamplingParams(1.0, 0, 1.0, 0.0, maxNewTokens, List.of(), seed);
    }

    /** DeepSeek-R1's evaluation protocol: temperature 0.6, top-p 0.95. */
    public static SamplingParams r1Evaluation(int maxNewTokens, long seed) {
        return new SamplingParams(0.6, 0, 0.95, 0.0, maxNewTokens, List.of(), seed);
    }

    public SamplingParams withIgnoreEos(boolean ignore) {
        return new SamplingParams(temperature, topK, topP, minP, maxNewTokens, stop, seed, ignore);
    }

    public boolean greedy() {
        return temperature == 0;
    }

    /** The temperature log-probs are reported at: the sampling temperature, or 1 when greedy. */
    public double logProbTemperature() {
        return greedy() ? 1.0 : temperature;
    }

    public SamplingParams withSeed(long newSeed) {
        return new SamplingParams(temperature, topK, topP, minP, maxNewTokens, stop, newSeed, ignoreEos);
    }

    public SamplingParams withStop(List<String> newStop) {
        return new SamplingParams(temperature, topK, topP, minP, maxNewTokens, newStop, seed, ignoreEos);
    }

    public SamplingParams withMaxNewTokens(int n) {
        return new SamplingParams(temperature, topK, topP, minP, n, stop, seed, ignoreEos);
    }
}
