package dev.reason4j.verifiers.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputComparatorTest {

    private final OutputComparator comparator = new OutputComparator(Tolerance.defaults());

    @ParameterizedTest(name = "[{index}] ''{0}'' matches ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "1 2 3|1 2 3",
            "1 2 3|'1 2 3   '",
            "'1 2\\n3'|'1 2  \\n3\\n\\n\\n'",
            "'a\\nb'|'a\\r\\nb\\r\\n'",
            "1 2|'1    2'",
            "0.5|0.5000001",
            "0.5|5e-1",
            "2|2.0",
            "-0|0",
            "YES|YES",
    })
    void equivalentOutputsMatch(String expected, String actual) {
        assertTrue(comparator.matches(unescape(expected), unescape(actual)), () -> comparator.difference(unescape(expected), unescape(actual)).orElse(""));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' does not match ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "123456|123457",
            "1000000000000|1000000000001",
            "2|2.0000001",
            "0.5|0.5001",
            "1 2 3|1 2",
            "1 2|1 2 3",
            "'1\\n2'|'1 2'",
            "'1\\n2'|1",
            "'\\n1'|1",
            "YES|yes",
            "3|three",
            "1.0|1.0x",
    })
    void differentOutputsDoNotMatch(String expected, String actual) {
        assertFalse(comparator.matches(unescape(expected), unescape(actual)));
    }

    @Test
    void differenceNamesLineAndToken() {
        assertEquals("line 2: token 3: expected '5', got '6'", comparator.difference("1\n3 4 5", "1\n3 4 6").orElseThrow());
        assertEquals("expected 2 line(s), got 1", comparator.difference("1\n2", "1").orElseThrow());
    }

    @Test
    void integersAreExactWhateverTheTolerance() {
        OutputComparator loose = new OutputComparator(new Tolerance(0.5, 10));
        assertFalse(loose.matches("123456", "123457"));
        assertTrue(loose.matches("1.5", "2"));
    }

    @Test
    void absoluteToleranceCoversNumbersNearZero() {
        assertTrue(comparator.matches("0.0", "0.0000009"));
        assertFalse(comparator.matches("0.0", "0.000002"));
    }

    @Test
    void hugeDigitStringsCompareAsTextWithoutParsing() {
        String digits = "9".repeat(1_000_000);
        long start = System.nanoTime();
        assertFalse(comparator.matches("1", digits));
        assertTrue(comparator.matches(digits, digits));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "comparison took over 2 s");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
