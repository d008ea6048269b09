package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MathBenchTest {

    @Test
    @Timeout(60)
    void reportsAPositiveFiniteRateOverTheBundledTable() {
        double rate = MathBench.checksPerSecond(400, 2);
        assertTrue(rate > 0 && Double.isFinite(rate), "rate " + rate);
        assertTrue(MathCaseTable.all().size() >= 300, "the bench mix is the whole case table");
    }

    @Test
    void refusesAnEmptyRun() {
        assertThrows(IllegalArgumentException.class, () -> MathBench.checksPerSecond(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MathBench.checksPerSecond(10, 0));
    }
}
