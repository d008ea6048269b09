package dev.reason4j.datasets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReferenceAnswersTest {
    static Stream<Arguments> gsm8kSolutions() {
        return Stream.of(
                Arguments.of("She has 3 + 4 = <<3+4=7>>7.\n#### 7", "7"),
                Arguments.of("#### 1,234,567", "1234567"),
                Arguments.of("Loss of 5.\n####   -5  ", "-5"),
                Arguments.of("first #### 1\nthen #### 2", "2"),
                Arguments.of("#### 0.75", "0.75"));
    }

    @ParameterizedTest
    @MethodSource("gsm8kSolutions")
    void finalHashesGivesTheLastNumberWithoutCommas(String solution, String expected) {
        assertEquals(expected, ReferenceAnswers.afterFinalHashes(solution));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no marker here", "ends with ####", "#### , "})
    void finalHashesIsNullWithoutAnAnswer(String solution) {
        assertNull(ReferenceAnswers.afterFinalHashes(solution));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "so $\\boxed{5}$. | 5",
            "first \\boxed{1}, finally \\boxed{\\frac{1}{2}} | \\frac{1}{2}",
            "\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)} | \\left( 3, \\frac{\\pi}{2} \\right)",
            "\\boxed{\\{1, 2\\}} | \\{1, 2\\}",
            "\\boxed{\\left\\{ x \\right.} | \\left\\{ x \\right.",
            "\\boxed{x^{2^{3}}+1} | x^{2^{3}}+1",
            "answer $\\boxed 7$ | 7",
            "\\fbox{42} | 42",
            "\\boxed {9} | 9",
            "\\boxed5 then \\boxed{6} | 6"})
    void lastBoxedKeepsNestedBracesWhole(String solution, String expected) {
        assertEquals(expected, ReferenceAnswers.lastBoxed(solution));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no box", "\\boxed{unclosed", "\\boxed{}", "\\boxed"})
    void lastBoxedIsNullWhenThereIsNoCompleteBox(String solution) {
        assertNull(ReferenceAnswers.lastBoxed(solution));
    }
}
