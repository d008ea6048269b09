package dev.reason4j.verifiers.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonComparatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonComparator comparator = new JsonComparator(Tolerance.defaults());

    @ParameterizedTest(name = "[{index}] {0} matches {1}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2, 3]|[1, 2, 3]",
            "0.1|0.10000001",
            "2|2.0",
            "{\"a\": 1, \"b\": [true, null]}|{\"b\": [true, null], \"a\": 1}",
            "\"x\"|\"x\"",
            "[[0.5, 1.5]]|[[0.5000001, 1.4999999]]",
    })
    void equalValuesMatch(String expected, String actual) throws Exception {
        JsonNode e = tree(expected);
        JsonNode a = tree(actual);
        assertTrue(comparator.difference(e, a).isEmpty(), () -> comparator.difference(e, a).orElse(""));
    }

    @ParameterizedTest(name = "[{index}] {0} does not match {1}")
    @CsvSource(delimiter = '|', value = {
            "123456|123457",
            "1|true",
            "[1, 2]|[2, 1]",
            "[1, 2]|[1, 2, 3]",
            "\"1\"|1",
            "null|0",
            "{\"a\": 1}|{\"b\": 1}",
            "0.1|0.1001",
            "2|2.5",
    })
    void differentValuesDoNotMatch(String expected, String actual) throws Exception {
        assertFalse(matches(expected, actual));
    }

    @Test
    void differenceGivesThePath() throws Exception {
        assertEquals("$.a[1]: expected 2, got 3", comparator.difference(tree("{\"a\": [1, 2]}"), tree("{\"a\": [1, 3]}")).orElseThrow());
    }

    private boolean matches(String expected, String actual) throws Exception {
        return comparator.difference(tree(expected), tree(actual)).isEmpty();
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}
