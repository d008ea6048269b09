package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.math.MathCaseTable.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of math cases, run against the default configuration. */
class MathVerifierCasesTest {

    private static final MathVerifier MATH = new MathVerifier();

    static List<Case> cases() {
        return MathCaseTable.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10) // a hang guard, not a performance assertion
    void verdictKindMatchesTheTable(Case c) {
        Verdict v = MATH.verify(c.response(), c.gold());
        assertEquals(c.expected(), v.kind(), () -> c + " -> " + v);
        assertEquals(c.expected() == Kind.CORRECT ? 1.0 : 0.0, v.score(), () -> c + " -> " + v);
    }

    @Test
    @Timeout(60)
    void noNearMissIsEverAccepted() {
        List<Case> near = cases().stream().filter(Case::nearMiss).collect(Collectors.toList());
        List<Case> accepted = near.stream().filter(c -> MATH.verify(c.response(), c.gold()).correct()).collect(Collectors.toList());
        assertEquals(List.of(), accepted, "near misses accepted");
        assertTrue(near.stream().allMatch(c -> c.expected() != Kind.CORRECT), "a near miss is expected to be rejected");
    }

    @Test
    void aboutAThirdOfTheCasesAreNearMisses() {
        List<Case> all = cases();
        long near = all.stream().filter(Case::nearMiss).count();
        double share = (double) near / all.size();
        assertTrue(share >= 0.28 && share <= 0.40, "near-miss share " + share + " (" + near + " of " + all.size() + ")");
    }

    @Test
    void atLeastThreeHundredCasesAndTwentyPerCategory() {
        Map<String, Long> perCategory = cases().stream().collect(Collectors.groupingBy(Case::category, Collectors.counting()));
        assertEquals(MathCaseTable.CATEGORIES.size(), perCategory.size(), perCategory::toString);
        perCategory.forEach((category, n) -> assertTrue(n >= 20, category + " has only " + n + " cases"));
        assertTrue(cases().size() >= 300, "only " + cases().size() + " cases");
    }
}
