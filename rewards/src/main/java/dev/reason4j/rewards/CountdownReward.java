package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.countdown.CountdownConfig;
import dev.reason4j.verifiers.countdown.CountdownConfig.NumberUse;
import dev.reason4j.verifiers.countdown.CountdownVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Countdown game's reward, as in TinyZero (Pan et al. 2025) and open-r1's Countdown recipes: the
 * expression in the completion's {@code <answer>} must use the problem's numbers and equal its
 * target, checked exactly by the {@link CountdownVerifier}.
 *
 * <p>The numbers and target come from the problem's metadata (keys {@code numbers}, a list of
 * non-negative whole numbers, and {@code target}, a whole number or digit string, as
 * {@code datasets}' Countdown generator writes them); a problem without them gets NaN.
 *
 * <p>Parameters: {@code correct} (1.0), {@code incorrect} (0.0); {@code number_use}
 * ({@code exactly_once}, TinyZero's rule and what the generated prompts ask; or {@code at_most_once},
 * the TV game's); {@code numbers_key} ({@code numbers}), {@code target_key} ({@code target}).
 * Unlike TinyZero there is no 0.1 "format score" here: weight the {@code format} reward for that.
 */
public final class CountdownReward implements CompletionReward {
    public static final String NAME = "countdown";

    private final CountdownVerifier verifier;
    private final double correct;
    private final double incorrect;
    private final String numbersKey;
    private final String targetKey;

    public CountdownReward(CountdownVerifier verifier, double correct, double incorrect, String numbersKey, String targetKey) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (!Double.isFinite(correct) || !Double.isFinite(incorrect) || correct <= incorrect) {
            throw new Reason4jException("countdown: 'correct' must be a finite number above 'incorrect', got correct="
                    + correct + ", incorrect=" + incorrect + " (defaults 1 and 0)");
        }
        this.correct = correct;
        this.incorrect = incorrect;
        this.numbersKey = Objects.requireNonNull(numbersKey, "numbersKey");
        this.targetKey = Objects.requireNonNull(targetKey, "targetKey");
    }

    /** Each number exactly once, 1 for right, 0 for wrong, metadata keys {@code numbers} and {@code target}. */
    public CountdownReward() {
        this(new CountdownVerifier(CountdownConfig.defaults().withNumberUse(NumberUse.EXACTLY_ONCE)), 1, 0, "numbers", "target");
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("correct", "incorrect", "number_use", "numbers_key", "target_key"), p -> {
            NumberUse use = p.choice("number_use", NumberUse.class, NumberUse.EXACTLY_ONCE);
            return new CountdownReward(new CountdownVerifier(CountdownConfig.defaults().withNumberUse(use)),
                    p.number("correct", 1), p.number("incorrect", 0), p.text("numbers_key", "numbers"), p.text("target_key", "target"));
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        List<Integer> numbers = numbers(problem.metadata().get(numbersKey));
        Integer target = wholeNumber(problem.metadata().get(targetKey));
        if (numbers == null || target == null) {
            return Double.NaN;
        }
        return switch (Judgement.of(verifier.verify(completion.text(), numbers, target))) {
            case CORRECT -> correct;
            case WRONG -> incorrect;
            case NOT_APPLICABLE -> Double.NaN;
        };
    }

    @Override
    public double failureValue(Problem problem, Completion completion) {
        return incorrect;
    }

    /** The list as ints, or null when it is not a non-empty list of whole numbers. */
    private static List<Integer> numbers(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Integer> out = new ArrayList<>(list.size());
        for (Object o : list) {
            Integer n = wholeNumber(o);
            if (n == null) {
                return null;
            }
            out.add(n);
        }
        return out;
    }

    private static Integer wholeNumber(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        return null;
    }
}
