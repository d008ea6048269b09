package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import java.util.Set;

/**
 * The strict R1 layout, DeepSeek-R1-Zero's format reward (DeepSeek-AI 2025, §2.2.2) as open-r1's
 * {@code format_reward} checks it: {@code <think>…</think>} then {@code <answer>…</answer>} and
 * nothing else. 1 when the completion has that layout, else 0; never NaN.
 *
 * <p>The layout, precisely: optional whitespace, {@code <think>}, reasoning, {@code </think>},
 * optional whitespace, {@code <answer>}, the answer, {@code </answer>}, optional whitespace; each of
 * the four tags exactly once. open-r1's regex ({@code ^<think>\n.*?\n</think>\n<answer>\n.*?\n</answer>$})
 * demands newlines where this accepts any whitespace (R1's own template writes spaces), and its
 * lazy {@code .*?} lets extra tags slip inside the blocks, which this refuses.
 *
 * <p>Parameter {@code think_opened_in_prompt} (false): the R1-Zero template ends the prompt with
 * {@code <think>}, so the completion starts inside the reasoning and must not open it again; with
 * true the completion is checked as if {@code <think>} preceded it.
 *
 * @param thinkOpenedInPrompt whether the prompt already wrote the opening {@code <think>}
 */
public record FormatReward(boolean thinkOpenedInPrompt) implements CompletionReward {
    public static final String NAME = "format";

    static final String THINK = "<think>";
    static final String END_THINK = "</think>";
    static final String ANSWER = "<answer>";
    static final String END_ANSWER = "</answer>";

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("think_opened_in_prompt"),
                p -> new FormatReward(p.flag("think_opened_in_prompt", false)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return hasLayout(thinkOpenedInPrompt ? THINK + completion.text() : completion.text()) ? 1 : 0;
    }

    /** Whether {@code text} is exactly {@code ws <think>…</think> ws <answer>…</answer> ws}, each tag once. */
    static boolean hasLayout(String text) {
        for (String tag : new String[] {THINK, END_THINK, ANSWER, END_ANSWER}) {
            if (occurrences(text, tag) != 1) {
                return false;
            }
        }
        int think = text.indexOf(THINK);
        int endThink = text.indexOf(END_THINK);
        int answer = text.indexOf(ANSWER);
        int endAnswer = text.indexOf(END_ANSWER);
        return think < endThink && endThink < answer && answer < endAnswer
                && text.substring(0, think).isBlank()
                && text.substring(endThink + END_THINK.length(), answer).isBlank()
                && text.substring(endAnswer + END_ANSWER.length()).isBlank();
    }

    /** Non-overlapping occurrences, as Python's {@code str.count}. */
    static int occurrences(String text, String tag) {
        int count = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length())) {
            count++;
        }
        return count;
    }
}
