package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatRewardTest {

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1 | <think>\\nreason\\n</think>\\n<answer>\\n5\\n</answer>",   // open-r1's exact layout
        "1 | <think> reason </think> <answer> 5 </answer>",             // R1's template: spaces
        "1 | '  <think>r</think><answer>5</answer>\\n'",               // surrounding whitespace
        "0 | <think>r</think> so <answer>5</answer>",                   // text between the blocks
        "0 | <think>r</think><answer>5</answer> done",                  // text after the answer
        "0 | Sure! <think>r</think><answer>5</answer>",                 // text before the think
        "0 | <answer>5</answer><think>r</think>",                       // wrong order
        "0 | <think>r</think>",                                         // no answer
        "0 | <think>a</think><think>b</think><answer>5</answer>",       // a tag twice
        "0 | <think>r<answer>4</answer></think><answer>5</answer>",    // an answer inside the think
        "0 | <think>r</think><answer>5",                                // unclosed answer
    })
    void strictLayoutEarnsOneAndAnythingElseZero(double expected, String text) {
        String completion = text.replace("\\n", "\n").replace("'", "");
        assertEquals(expected, new FormatReward(false).score(math("5"), completion(completion)));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', value = {
        "1 | reason</think>\\n<answer>5</answer>",
        "1 | \\nreason\\n</think>\\n<answer>\\n5\\n</answer>",
        "0 | <think>reason</think><answer>5</answer>",   // opens <think> a second time
        "0 | reason<answer>5</answer>",                  // never closes the think
    })
    void withThinkOpenedInThePromptTheCompletionMustNotReopenIt(double expected, String text) {
        assertEquals(expected, new FormatReward(true).score(math("5"), completion(text.replace("\\n", "\n"))));
    }
}
