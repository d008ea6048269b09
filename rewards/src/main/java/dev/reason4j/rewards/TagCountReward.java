package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import java.util.Set;

/**
 * Partial credit for the R1 tags, open-r1's {@code tag_count_reward} (after Will Brown's GRPO demo):
 * 0.25 for each of {@code "<think>\n"}, {@code "\n</think>\n"}, {@code "\n<answer>\n"} and
 * {@code "\n</answer>"} that occurs exactly once. Values 0, 0.25, 0.5, 0.75 or 1; never NaN. It gives
 * a gradient towards {@link FormatReward}'s layout before a completion gets all of it right.
 *
 * <p>Parameter {@code think_opened_in_prompt} (false): with true the completion is read as
 * {@code "<think>\n"} followed by the completion with its leading whitespace removed, so the opening
 * tag the prompt wrote earns its 0.25 unless the completion opens {@code <think>} a second time.
 *
 * @param thinkOpenedInPrompt whether the prompt already wrote the opening {@code <think>}
 */
public record TagCountReward(boolean thinkOpenedInPrompt) implements CompletionReward {
    public static final String NAME = "tag_count";

    private static final String[] TAGS = {"<think>\n", "\n</think>\n", "\n<answer>\n", "\n</answer>"};

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("think_opened_in_prompt"),
                p -> new TagCountReward(p.flag("think_opened_in_prompt", false)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        String text = thinkOpenedInPrompt ? "<think>\n" + completion.text().stripLeading() : completion.text();
        double credit = 0;
        for (String tag : TAGS) {
            if (FormatReward.occurrences(text, tag) == 1) {
                credit += 0.25;
            }
        }
        return credit;
    }
}
