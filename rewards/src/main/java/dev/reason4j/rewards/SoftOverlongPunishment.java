package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import java.util.Set;

/**
 * DAPO's soft overlong punishment (Yu et al. 2025, §3.4, eq. 13): no penalty up to
 * {@code L_max − L_cache} tokens, then a penalty growing linearly to −1 at {@code L_max}, and −1
 * beyond.
 *
 * <pre>
 *   0                              if L ≤ L_max − L_cache
 *   ((L_max − L_cache) − L) / L_cache   if L_max − L_cache &lt; L ≤ L_max
 *   −1                             if L &gt; L_max
 * </pre>
 *
 * L is the completion's length in tokens. Never NaN. DAPO adds it to the accuracy reward.
 *
 * <p>Parameters (DAPO's): {@code max_length} (L_max, 20480 tokens; set it to the rollout's max new
 * tokens), {@code cache_length} (L_cache, 4096, at most {@code max_length}).
 *
 * @param maxLength   L_max, in tokens
 * @param cacheLength L_cache, the soft buffer before L_max, in tokens
 */
public record SoftOverlongPunishment(int maxLength, int cacheLength) implements CompletionReward {
    public static final String NAME = "soft_overlong_punishment";

    public SoftOverlongPunishment {
        if (maxLength < 1) {
            throw new Reason4jException("soft_overlong_punishment: max_length must be at least 1 token, got " + maxLength
                    + "; set it to the rollout's max new tokens");
        }
        if (cacheLength < 1 || cacheLength > maxLength) {
            throw new Reason4jException("soft_overlong_punishment: cache_length must be between 1 and max_length (" + maxLength
                    + "), got " + cacheLength + " (DAPO: 4096 of 20480)");
        }
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("max_length", "cache_length"),
                p -> new SoftOverlongPunishment(p.integer("max_length", 20480), p.integer("cache_length", 4096)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return value(completion.length());
    }

    double value(int length) {
        int expected = maxLength - cacheLength;
        if (length <= expected) {
            return 0;
        }
        if (length <= maxLength) {
            return (double) (expected - length) / cacheLength;
        }
        return -1;
    }
}
