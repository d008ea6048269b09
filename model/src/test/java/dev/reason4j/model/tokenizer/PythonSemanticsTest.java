package dev.reason4j.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python helpers against values Python 3 printed for the same calls. */
class PythonSemanticsTest {
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "0.1, 0.1", "1e-05, 1e-05", "0.0001, 0.0001", "1e16, 1e+16", "9999999999999998.0, 9999999999999998.0",
        "123.0, 123.0", "-2.5, -2.5", "123456789012345678.0, 1.2345678901234568e+17", "0.0, 0.0",
    })
    void floatsPrintAsPythonRepr(double value, String python) {
        assertEquals(python, PyValues.floatRepr(value));
    }

    @Test
    void splitKeepsEmptyPiecesAndTakesNoRegex() {
        assertEquals(List.of("a", "b", ""), PyStr.split("a,b,", ",", -1));
        assertEquals(List.of("x", "y"), PyStr.split("x.y", ".", -1));
        assertEquals(List.of("", "a"), PyStr.split("aaa", "aa", 1));
        assertEquals(List.of("a", "b  c  "), PyStr.split("  a b  c  ", null, 1));
    }

    @Test
    void rsplitCountsFromTheRight() {
        assertEquals(List.of("  a b", "c"), PyStr.rsplit("  a b  c  ", null, 1));
        assertEquals(List.of("a,b", "", "c"), PyStr.rsplit("a,b,,c", ",", 2));
        assertEquals(List.of("a", ""), PyStr.rsplit("aaa", "aa", 1));
    }

    @Test
    void stripTakesASetOfCharactersAndTitleStartsWordsAfterUncasedCharacters() {
        assertEquals("think", PyStr.strip("\n\nthink\n", "\n"));
        assertEquals("--hi", PyStr.rstrip("--hi--", "-"));
        assertEquals("They'Re Bill'S", PyStr.title("they're bill's"));
        assertEquals("-x-", PyStr.replace("x", "", "-", 2));
    }

    @Test
    void jsonUsesPythonSeparatorsAndIndentation() {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "f");
        tool.put("args", List.of(1, 2.5, true));
        tool.put("none", null);
        assertEquals("{\"name\": \"f\", \"args\": [1, 2.5, true], \"none\": null}", PyJson.dumps(tool));
        assertEquals("{\n  \"name\": \"f\",\n  \"args\": [\n    1,\n    2.5,\n    true\n  ],\n  \"none\": null\n}",
                new PyJson(false, 2, null, false).write(tool));
        assertEquals("\"\\u00e9\\n\\\"\"", new PyJson(true, null, null, false).write("é\n\""));
        assertEquals("\"é\\u001f\"", PyJson.dumps("é\u001f"));
    }

    @Test
    void slicesFollowSliceIndices() {
        assertEquals(List.of(4, 3, 2, 1, 0), PythonMethodResolver.indices(5, null, null, -1));
        assertEquals(List.of(1, 3), PythonMethodResolver.indices(5, 1, null, 2));
        assertEquals(List.of(0, 1, 2, 3), PythonMethodResolver.indices(5, null, -1, 1));
        assertEquals(List.of(), PythonMethodResolver.indices(5, 7, null, 1));
        assertEquals("🙂b", PythonMethodResolver.slice("a🙂b", new Object[] {1L, null, null}));
    }

    @Test
    void strftimeFormatsTheDirectivesTemplatesUse() {
        var t = java.time.ZonedDateTime.of(2026, 3, 7, 9, 5, 2, 0, java.time.ZoneOffset.UTC);
        assertEquals("07 Mar 2026", PyStrftime.format(t, "%d %b %Y"));
        assertEquals("Saturday, March 07 09:05:02 AM 100%", PyStrftime.format(t, "%A, %B %d %H:%M:%S %p 100%%"));
    }
}
