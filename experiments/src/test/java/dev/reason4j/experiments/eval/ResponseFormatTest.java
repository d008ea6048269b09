package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.datasets.prompt.PromptTemplates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<think>2+2=4</think><answer>4</answer>",
            "  <think>\nstep 1\nstep 2\n</think>\n<answer> 4 </answer>\n",
    })
    void r1LayoutAcceptsOneThinkThenOneAnswer(String response) {
        assertTrue(ResponseFormat.isR1Layout(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<answer>4</answer>",                                           // no reasoning block
            "<think>2+2=4</think>",                                         // no answer block
            "<think>a</think><answer>4</answer> and more text",             // trailing prose
            "<think>a</think><answer>4</answer><answer>5</answer>",         // two answers
            "<think>a<think>b</think><answer>4</answer>",                   // nested think
            "<answer>4</answer><think>a</think>",                           // wrong order
            "The answer is 4.",
    })
    void r1LayoutRejectsEverythingElse(String response) {
        assertFalse(ResponseFormat.isR1Layout(response));
    }

    @Test
    void aPromptThatOpensThinkIsContinuedInsideIt() {
        String prompt = PromptTemplates.named("r1_zero").render("What is 2+2?").text();
        assertTrue(ResponseFormat.promptOpensThink(prompt));
        assertEquals("<think>x</think><answer>4</answer>", ResponseFormat.asWritten(prompt, "x</think><answer>4</answer>"));
        assertFalse(ResponseFormat.promptOpensThink("What is 2+2?"));
        assertEquals("4", ResponseFormat.asWritten("What is 2+2?", "4"));
    }
}
