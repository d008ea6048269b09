package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SftExamplesTest {
    static final Problem P = Problem.math("p", Prompt.text("Q"), "31", Map.of("reasoning", "7 * 4 = 28.\n28 + 3 = 31.", "solution_expression", "7*4+3"));

    @Test
    void placeholdersTakeTheAnswerAndMetadataValues() {
        assertEquals("7 * 4 = 28.\n28 + 3 = 31.</think>\n<answer>31</answer>",
                SftExamples.fill("{reasoning}</think>\n<answer>{answer}</answer>", P));
        assertEquals("<answer>7*4+3</answer> {literal}", SftExamples.fill("<answer>{solution_expression}</answer> {{literal}}", P));
    }

    @Test
    void aMissingValueLeavesTheProblemOut() {
        assertNull(SftExamples.fill("{solution}", P));
    }
}
