package dev.reason4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void fenceOutgrowsTheLongestBacktickRunInTheContent() {
        assertEquals("```text\nplain\n```\n", Markdown.fenced("plain", "text"));
        assertEquals("````\na ``` b\n````\n", Markdown.fenced("a ``` b\n", ""));
        assertEquals("``````\n`````\n``````\n", Markdown.fenced("`````", ""));
    }

    @Test
    void codeSpanSurvivesBackticksAndTableCellsEscapePipes() {
        assertEquals("`a.b`", Markdown.code("a.b"));
        assertEquals("``a`b``", Markdown.code("a`b"));
        assertEquals("`` `x ``", Markdown.code("`x"));
        assertEquals("`a\\|b`", Markdown.codeCell("a|b"));
    }

    @Test
    void textEscapesMarkdownPunctuation() {
        assertEquals("run\\_1 \\*bold\\* \\[x\\](y) a\\|b", Markdown.text("run_1 *bold* [x](y) a|b"));
    }

    @Test
    void tableHasHeaderRuleAndRows() {
        assertEquals("| a | b |\n| --- | --- |\n| 1 | 2 |\n", Markdown.table(List.of("a", "b"), List.of(List.of("1", "2"))));
    }

    @ParameterizedTest
    @CsvSource({"500, 500", "0.25, 0.25", "0.123456, 0.1235", "1234.5678, 1235", "0.00002, 2.000e-05", "-3, -3",
        "0.30000000000000004, 0.3"})
    void numbersKeepFourSignificantDigits(double value, String shown) {
        assertEquals(shown, Markdown.number(value));
    }

    @Test
    void changesAreSigned() {
        assertEquals("+0.25", Markdown.signed(0.25));
        assertEquals("-1", Markdown.signed(-1));
        assertEquals("0", Markdown.signed(0));
    }
}
