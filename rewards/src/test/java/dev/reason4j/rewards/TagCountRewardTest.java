package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagCountRewardTest {

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', value = {
        // all four: "<think>\n", "\n</think>\n", "\n<answer>\n", "\n</answer>" -> 4 × 0.25
        "1.0  | <think>\\nr\\n</think>\\n<answer>\\n5\\n</answer>",
        // "<think>\n" and "\n</think>\n" only; "<answer>5" lacks the newlines -> 2 × 0.25
        "0.5  | <think>\\nr\\n</think>\\n<answer>5</answer>",
        // no newlines anywhere -> 0
        "0.0  | <think>r</think><answer>5</answer>",
        // "<think>\n" twice earns nothing for it; the other three -> 3 × 0.25
        "0.75 | <think>\\na<think>\\nb\\n</think>\\n<answer>\\n5\\n</answer>",
        // only "\n</answer>" -> 0.25
        "0.25 | 5\\n</answer>",
    })
    void quarterPerTagThatOccursExactlyOnce(double expected, String text) {
        assertEquals(expected, new TagCountReward(false).score(math("5"), completion(text.replace("\\n", "\n"))));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @CsvSource(delimiter = '|', value = {
        // read as "<think>\n" + "r\n</think>\n<answer>\n5\n</answer>" -> all four
        "1.0  | \\nr\\n</think>\\n<answer>\\n5\\n</answer>",
        // the completion opens <think> again: "<think>\n" occurs twice -> the other three
        "0.75 | <think>\\nr\\n</think>\\n<answer>\\n5\\n</answer>",
        // the prompt's tag alone -> 0.25
        "0.25 | just text",
    })
    void withThinkOpenedInThePromptThePromptsTagCounts(double expected, String text) {
        assertEquals(expected, new TagCountReward(true).score(math("5"), completion(text.replace("\\n", "\n"))));
    }
}
