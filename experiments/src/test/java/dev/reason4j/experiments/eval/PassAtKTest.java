package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassAtKTest {

    @ParameterizedTest(name = "pass@{2} with {1}/{0} correct = {3}")
    @CsvSource({
            // n, c, k, expected (worked by hand from 1 − C(n−c,k)/C(n,k))
            "4, 2, 2, 0.8333333333333334",   // 1 − 1/6
            "4, 1, 2, 0.5",                  // 1 − 3/6
            "4, 0, 4, 0.0",
            "5, 3, 3, 1.0",                  // n − c = 2 < 3: every 3-subset holds a correct one
            "10, 3, 1, 0.3",                 // pass@1 is c/n
            "10, 1, 5, 0.5",                 // 1 − C(9,5)/C(10,5) = 1 − 126/252
            "6, 2, 3, 0.8",                  // 1 − C(4,3)/C(6,3) = 1 − 4/20
            "1, 1, 1, 1.0",
    })
    void unbiasedPassAtKMatchesHandWorkedValues(int n, int c, int k, double expected) {
        assertEquals(expected, PassAtK.passAtK(n, c, k), 1e-12);
    }

    @Test
    void unbiasedPassAtKEqualsBruteForceOverAllKSubsets() {
        for (int n = 1; n <= 12; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    assertEquals(bruteForce(n, c, k), PassAtK.passAtK(n, c, k), 1e-12, "n=" + n + " c=" + c + " k=" + k);
                }
            }
        }
    }

    /** Samples 0..c−1 are the correct ones; the fraction of k-subsets (as bit masks) holding at least one. */
    private static double bruteForce(int n, int c, int k) {
        int correctMask = (1 << c) - 1;
        long subsets = 0;
        long hit = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == k) {
                subsets++;
                if ((mask & correctMask) != 0) {
                    hit++;
                }
            }
        }
        return (double) hit / subsets;
    }

    @Test
    void productFormStaysFiniteWhereBinomialsWouldOverflow() {
        assertEquals(0.001, PassAtK.passAtK(1000, 1, 1), 1e-15);
        double p = PassAtK.passAtK(100_000, 500, 1000);
        assertTrue(p > 0.99 && p <= 1.0, "p = " + p);
        // c = 1 of n: exactly k/n
        assertEquals(64.0 / 4096, PassAtK.passAtK(4096, 1, 64), 1e-15);
    }

    @Test
    void passAt1IsTheMeanOfPerProblemFractionsNotThePooledFraction() {
        // pooled would be (1 + 2) / (2 + 8) = 0.3; per problem: (1/2 + 2/8) / 2 = 0.375
        assertEquals(0.375, PassAtK.passAt1(new int[] {1, 2}, new int[] {2, 8}), 1e-15);
        assertEquals(0.5, PassAtK.passAt1(new int[] {3, 2, 1}, new int[] {4, 4, 4}), 1e-15);
    }

    @Test
    void meanPassAtKAveragesProblems() {
        // (1 + 5/6 + 1/2) / 3 = 7/9
        assertEquals(7.0 / 9, PassAtK.meanPassAtK(new int[] {4, 4, 4}, new int[] {3, 2, 1}, 2), 1e-12);
    }

    @Test
    void kAboveNAndImpossibleCountsAreUserErrorsNamingTheFix() {
        Reason4jException tooMany = assertThrows(Reason4jException.class, () -> PassAtK.passAtK(4, 1, 8));
        assertTrue(tooMany.getMessage().contains("pass@8") && tooMany.getMessage().contains("1..4"), tooMany.getMessage());
        assertThrows(Reason4jException.class, () -> PassAtK.passAtK(4, 1, 0));
        assertThrows(Reason4jException.class, () -> PassAtK.passAtK(4, 5, 1));
        assertThrows(Reason4jException.class, () -> PassAtK.passAtK(4, -1, 1));
        assertThrows(Reason4jException.class, () -> PassAtK.passAtK(0, 0, 1));
        assertThrows(Reason4jException.class, () -> PassAtK.passAt1(new int[] {3}, new int[] {2}));
        assertThrows(Reason4jException.class, () -> PassAtK.passAt1(new int[0], new int[0]));
    }
}
