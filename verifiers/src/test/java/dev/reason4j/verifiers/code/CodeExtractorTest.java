package dev.reason4j.verifiers.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeExtractorTest {

    private final CodeExtractor python = CodeExtractor.python();

    @Test
    void takesTheLastPythonBlock() {
        String response = "First try:\n```python\nprint(1)\n```\nBetter:\n```python\nprint(2)\n```\nDone.";
        assertEquals(Optional.of("print(2)\n"), python.extract(response));
    }

    @Test
    void acceptsPyAndCaseInsensitiveLabels() {
        assertEquals(Optional.of("x = 1\n"), python.extract("```py\nx = 1\n```"));
        assertEquals(Optional.of("x = 2\n"), python.extract("```Python\nx = 2\n```"));
    }

    @Test
    void prefersALabeledBlockOverALaterUnlabeledOne() {
        assertEquals(Optional.of("print(1)\n"), python.extract("```python\nprint(1)\n```\n```\nsome output\n```"));
    }

    @Test
    void fallsBackToTheLastUnlabeledBlock() {
        assertEquals(Optional.of("print(3)\n"), python.extract("```\nprint(2)\n```\n```\nprint(3)\n```"));
    }

    @Test
    void unlabeledFallbackCanBeTurnedOff() {
        assertTrue(new CodeExtractor(List.of("python"), false).extract("```\nprint(2)\n```").isEmpty());
    }

    @Test
    void neverTakesABlockOfAnotherLanguage() {
        assertTrue(python.extract("```bash\nrm -rf /\n```").isEmpty());
    }

    @Test
    void ignoresAnUnclosedBlock() {
        assertEquals(Optional.of("print(1)\n"), python.extract("```python\nprint(1)\n```\n```python\nprint(2"));
        assertTrue(python.extract("```python\nprint(1)").isEmpty());
    }

    @Test
    void onlySearchesTheAnswerAfterThinking() {
        assertTrue(python.extract("<think>\n```python\nprint(1)\n```\n").isEmpty(), "unclosed think");
        assertTrue(python.extract("```python\nprint(1)\n```\n</think>\nno code").isEmpty(), "draft inside think");
        assertEquals(Optional.of("print(2)\n"), python.extract("<think>```python\nprint(1)\n```</think>\n```python\nprint(2)\n```"));
    }

    @Test
    void keepsIndentationAndInnerBackticks() {
        String code = "def f():\n    s = '``'\n    return s\n";
        assertEquals(Optional.of(code), python.extract("~~~python\n" + code + "~~~\n"));
        assertEquals(Optional.of(code), python.extract("````python\n" + code + "````\n"));
    }

    @Test
    void blankBlockIsNoAnswer() {
        assertTrue(python.extract("```python\n\n   \n```").isEmpty());
    }
}
