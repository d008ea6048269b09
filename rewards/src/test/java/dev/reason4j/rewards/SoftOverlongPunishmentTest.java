package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** L_max = 20, L_cache = 8, so the soft region is (12, 20]. */
class SoftOverlongPunishmentTest {
    private final SoftOverlongPunishment overlong = new SoftOverlongPunishment(20, 8);

    @ParameterizedTest(name = "L = {0} -> {1}")
    @CsvSource({
        "0,   0",        // well inside the limit
        "12,  0",        // L = L_max − L_cache: last length without penalty
        "13, -0.125",    // (12 − 13)/8
        "16, -0.5",      // (12 − 16)/8
        "19, -0.875",    // (12 − 19)/8
        "20, -1",        // L = L_max: (12 − 20)/8 = −1
        "21, -1",        // beyond L_max
        "500, -1",
    })
    void penaltyByRegion(int length, double expected) {
        assertEquals(expected, overlong.score(math("1"), completion("x", length)), 1e-12);
    }

    @Test
    void cacheMustFitInsideMaxLength() {
        assertThrows(Reason4jException.class, () -> new SoftOverlongPunishment(20, 21));
        assertThrows(Reason4jException.class, () -> new SoftOverlongPunishment(20, 0));
        // the whole length as buffer is allowed: (0 − 10)/20 at L = 10
        assertEquals(-0.5, new SoftOverlongPunishment(20, 20).value(10), 1e-12);
    }
}
