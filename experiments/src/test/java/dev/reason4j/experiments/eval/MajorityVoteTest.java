package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.experiments.eval.MajorityVote.Majority;
import dev.reason4j.verifiers.math.MathVerifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {
    private static final MathVerifier MATH = new MathVerifier();

    private static Optional<Majority> vote(int k, String... answers) {
        return MajorityVote.among(Arrays.asList(answers), k, a -> a != null && !a.isEmpty(), MATH::equivalent);
    }

    @Test
    void answersAreGroupedByVerifiedEquivalenceNotBySpelling() {
        Majority m = vote(5, "3", "1/2", "0.5", "3", "\\frac{1}{2}").orElseThrow();
        assertEquals(0 + 1, m.representative(), "the 1/2 group, first seen at sample 1");
        assertEquals(List.of(1, 2, 4), m.members());
        assertEquals(3, m.votes());
    }

    @Test
    void tieGoesToTheGroupWhoseFirstMemberComesEarliest() {
        assertEquals(List.of(0, 3), vote(4, "7", "8", "8", "7").orElseThrow().members());
        assertEquals(List.of(0, 3), vote(4, "8", "7", "7", "8").orElseThrow().members());
        assertEquals(List.of(1, 2), vote(4, null, "9", "9", "7", "7").orElseThrow().members(), "k = 4 drops the last 7");
    }

    @Test
    void samplesWithoutAnAnswerDoNotVote() {
        Majority m = vote(5, "", "", "", "4", "5").orElseThrow();
        assertEquals(3, m.representative(), "one vote each: the earlier group wins");
        assertTrue(vote(3, "", null, "").isEmpty());
    }

    @Test
    void onlyTheFirstKSamplesVote() {
        assertEquals(List.of(0), vote(2, "1", "2", "2", "2").orElseThrow().members());
        assertEquals(List.of(1, 2, 3), vote(4, "1", "2", "2", "2").orElseThrow().members());
    }
}
