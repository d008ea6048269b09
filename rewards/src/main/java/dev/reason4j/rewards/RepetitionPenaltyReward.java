package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * N-gram repetition penalty of "Demystifying Long Chain-of-Thought Reasoning in LLMs" (Yeo et al.
 * 2025, appendix C.2), as open-r1's {@code repetition_penalty_reward} computes it: the text is
 * lower-cased and split on whitespace into words; over its {@code total} word n-grams, of which
 * {@code unique} are distinct, the value is {@code max_penalty × (1 − unique / total)}. 0 for an
 * empty text or one with fewer than n words; never NaN.
 *
 * <p>Parameters: {@code ngram_size} (3), {@code max_penalty} (−1.0). As in open-r1, the
 * penalty is given as the negative value it reaches when every n-gram is a repeat; a positive
 * value is refused.
 *
 * @param ngramSize  n, the words per n-gram
 * @param maxPenalty the value (≤ 0) approached as the repeated fraction approaches 1
 */
public record RepetitionPenaltyReward(int ngramSize, double maxPenalty) implements CompletionReward {
    public static final String NAME = "repetition_penalty";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public RepetitionPenaltyReward {
        if (ngramSize < 1) {
            throw new Reason4jException("repetition_penalty: ngram_size must be at least 1, got " + ngramSize + " (open-r1 uses 3)");
        }
        if (!(maxPenalty <= 0) || Double.isInfinite(maxPenalty)) {
            throw new Reason4jException("repetition_penalty: max_penalty must be a finite number <= 0 (the penalty itself, e.g. -1.0), got "
                    + maxPenalty);
        }
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("ngram_size", "max_penalty"),
                p -> new RepetitionPenaltyReward(p.integer("ngram_size", 3), p.number("max_penalty", -1.0)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        String text = completion.text().toLowerCase(Locale.ROOT).strip();
        String[] words = text.isEmpty() ? new String[0] : WHITESPACE.split(text);
        if (words.length < ngramSize) {
            return 0;
        }
        int total = words.length - ngramSize + 1;
        List<String> wordList = Arrays.asList(words);
        Set<List<String>> unique = new HashSet<>();
        for (int i = 0; i < total; i++) {
            unique.add(wordList.subList(i, i + ngramSize));
        }
        double repeated = 1 - (double) unique.size() / total;
        return repeated == 0 ? 0 : maxPenalty * repeated; // no -0.0 when nothing repeats
    }
}
