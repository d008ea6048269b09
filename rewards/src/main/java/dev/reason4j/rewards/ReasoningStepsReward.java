package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewards visible step-by-step reasoning, open-r1's {@code reasoning_steps_reward}: counts the
 * matches of {@code Step n:}, a numbered line ({@code 1.} at a line start), a bullet ({@code -} or
 * {@code *} after a line break) and the words {@code First,} {@code Second,} {@code Next,}
 * {@code Finally,}; the value is {@code min(1, count / target_steps)}. Never NaN.
 *
 * <p>open-r1 compiles {@code ^\d+\.} without {@code re.MULTILINE}, so there it matches only at the
 * very start of the text; here it matches at the start of every line, as its docstring intends.
 *
 * <p>Parameter {@code target_steps} (3, open-r1's "magic number"): the count that earns the full 1.
 *
 * @param targetSteps how many step markers earn the full reward
 */
public record ReasoningStepsReward(int targetSteps) implements CompletionReward {
    public static final String NAME = "reasoning_steps";

    private static final Pattern STEP = Pattern.compile("(Step \\d+:|^\\d+\\.|\\n-|\\n\\*|First,|Second,|Next,|Finally,)", Pattern.MULTILINE);

    public ReasoningStepsReward {
        if (targetSteps < 1) {
            throw new Reason4jException("reasoning_steps: target_steps must be at least 1, got " + targetSteps + " (open-r1 uses 3)");
        }
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("target_steps"), p -> new ReasoningStepsReward(p.integer("target_steps", 3)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return Math.min(1.0, (double) countSteps(completion.text()) / targetSteps);
    }

    static int countSteps(String text) {
        int count = 0;
        for (Matcher m = STEP.matcher(text); m.find(); ) {
            count++;
        }
        return count;
    }
}
