package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

class RepetitionPenaltyRewardTest {
    private final RepetitionPenaltyReward trigrams = new RepetitionPenaltyReward(3, -1.0);

    private double score(RepetitionPenaltyReward reward, String text) {
        return reward.score(math("1"), completion(text));
    }

    @Test
    void penaltyIsMaxPenaltyTimesRepeatedFractionOfNgrams() {
        // words a b c a b c: 4 trigrams (a b c)(b c a)(c a b)(a b c), 3 distinct -> -1 × (1 − 3/4) = −0.25
        assertEquals(-0.25, score(trigrams, "a b c a b c"));
        // case and spacing do not matter: the same 6 words
        assertEquals(-0.25, score(trigrams, "A  b\tC\na B c"));
        // "the cat sat on the mat" has 4 distinct trigrams -> 0
        assertEquals(0.0, score(trigrams, "the cat sat on the mat"));
        // x x x x x x: 4 trigrams, 1 distinct -> −1 × (1 − 1/4) = −0.75
        assertEquals(-0.75, score(trigrams, "x x x x x x"));
    }

    @Test
    void ngramSizeAndMaxPenaltyAreParameters() {
        // unigrams of "the the the cat": 4, distinct 2 -> −2 × (1 − 2/4) = −1
        assertEquals(-1.0, score(new RepetitionPenaltyReward(1, -2.0), "the the the cat"));
    }

    @Test
    void emptyOrShorterThanNTextIsNotPenalised() {
        assertEquals(0.0, score(trigrams, ""));
        assertEquals(0.0, score(trigrams, "two words"));
    }

    @Test
    void positiveMaxPenaltyIsRefused() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> new RepetitionPenaltyReward(3, 0.5));
        assertEquals("repetition_penalty: max_penalty must be a finite number <= 0 (the penalty itself, e.g. -1.0), got 0.5", e.getMessage());
    }
}
