package com.example.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.rewards.CompletionReward;
import java.util.Locale;

/**
 * The worked example of rewards/README-custom-rewards.md: a penalty for a phrase the model should
 * not write. Lives outside the rewards package and uses only its public API, as a user's would.
 */
public record BannedPhraseReward(String phrase, double penalty) implements CompletionReward {

    public BannedPhraseReward {
        if (phrase.isBlank()) {
            throw new IllegalArgumentException("banned_phrase: phrase must not be blank");
        }
    }

    @Override
    public String name() {
        return "banned_phrase";
    }

    /** {@code penalty} when the phrase appears (any case), else 0. */
    @Override
    public double score(Problem problem, Completion completion) {
        String text = completion.text().toLowerCase(Locale.ROOT);
        return text.contains(phrase.toLowerCase(Locale.ROOT)) ? penalty : 0;
    }
}
