package dev.reason4j.experiments.quickstart;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The quickstart's task: a chain of single-digit additions and subtractions, e.g. {@code 5-3+7-6}. The
 * worked solution in the {@code <think>} block is a scratchpad that rewrites the chain one step shorter
 * per line ({@code 2+7-6}, {@code 9-6}, {@code 3}): each line needs one small sum on the previous line's
 * first two numbers and a copy of its tail, which a small model learns reliably.
 *
 * <p>The prompt opens the think block, R1-Zero style. The warm start mixes two kinds of response, as a
 * pretraining corpus would: most ({@code directRate}) close the think block at once and give a quick
 * estimate (the value rounded to a multiple of five, right one time in five); the rest work the chain
 * out (optionally forgetting carries at {@code slipRate}). The base model mostly answers at once. GRPO,
 * rewarded only for a correct final answer and the R1 layout, has to discover that working the steps out
 * is what pays: the reasoning itself is never rewarded.
 */
public final class ChainTask {
    /** Prefix shared by every prompt; the think block is opened for the model. */
    static final String PROMPT = "Q: %s\nA: <think>";

    private final int terms;

    /** @param terms numbers in the chain, the first included (3 steps for 4 terms) */
    public ChainTask(int terms) {
        this.terms = terms;
    }

    /** A problem with its clean worked solution (metadata "solution" is the completion text after the prompt). */
    public Problem problem(SplittableRandom rng, String id) {
        int[] numbers = new int[terms];
        boolean[] plus = new boolean[terms];
        numbers[0] = rng.nextInt(1, 10);
        int value = numbers[0];
        StringBuilder expression = new StringBuilder().append(numbers[0]);
        for (int i = 1; i < terms; i++) {
            numbers[i] = rng.nextInt(1, 10);
            plus[i] = value < numbers[i] || rng.nextBoolean(); // never below zero
            value += plus[i] ? numbers[i] : -numbers[i];
            expression.append(plus[i] ? '+' : '-').append(numbers[i]);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", "chain");
        metadata.put("numbers", toList(numbers));
        metadata.put("signs", signs(plus));
        metadata.put("solution", solution(numbers, plus, null, 0));
        return Problem.math(id, Prompt.text(String.format(PROMPT, expression)), Integer.toString(value), metadata);
    }

    /**
     * The worked solution: one line per step, each the chain with its first two numbers combined. With
     * {@code rng} non-null, a step that needs a carry (or a borrow) forgets it with probability
     * {@code slipRate} (the result is 10 too small, or too large) and later lines build on the wrong value.
     */
    static String solution(int[] numbers, boolean[] plus, SplittableRandom rng, double slipRate) {
        StringBuilder out = new StringBuilder();
        int value = numbers[0];
        for (int i = 1; i < numbers.length; i++) {
            int next = value + (plus[i] ? numbers[i] : -numbers[i]);
            if (rng != null && needsCarry(value, numbers[i], plus[i]) && rng.nextDouble() < slipRate) {
                next += plus[i] ? -10 : 10;
            }
            value = next;
            out.append(value);
            for (int j = i + 1; j < numbers.length; j++) {
                out.append(plus[j] ? '+' : '-').append(numbers[j]);
            }
            out.append('\n');
        }
        return out.append("</think><answer>").append(value).append("</answer>").toString();
    }

    /** Whether value ± digit crosses a multiple of ten (a carry for +, a borrow for −). */
    static boolean needsCarry(int value, int digit, boolean plus) {
        return plus ? value % 10 + digit >= 10 : value >= 10 && value % 10 < digit;
    }

    /**
     * A warm-start response for {@code problem}: with probability {@code directRate} a quick estimate with
     * an empty think block (see {@link #direct}); otherwise the worked solution, slipping at {@code slipRate}.
     */
    public String warmStartResponse(Problem problem, SplittableRandom rng, double slipRate, double directRate) {
        if (rng.nextDouble() < directRate) {
            return direct(problem.answer());
        }
        return noisySolution(problem, rng, slipRate);
    }

    /** The response that skips the working: a quick estimate, the value rounded to the nearest multiple of five. */
    static String direct(String answer) {
        return "</think><answer>" + estimate(Integer.parseInt(answer)) + "</answer>";
    }

    /** {@code value} rounded to the nearest multiple of five (right for one value in five). */
    static int estimate(int value) {
        return (value + 2) / 5 * 5;
    }

    /** A worked warm-start response for {@code problem}, slipping at {@code slipRate}. */
    public String noisySolution(Problem problem, SplittableRandom rng, double slipRate) {
        @SuppressWarnings("unchecked")
        List<Integer> n = (List<Integer>) problem.metadata().get("numbers");
        String signs = (String) problem.metadata().get("signs");
        int[] numbers = n.stream().mapToInt(Integer::intValue).toArray();
        boolean[] plus = new boolean[numbers.length];
        for (int i = 1; i < numbers.length; i++) {
            plus[i] = signs.charAt(i) == '+';
        }
        return solution(numbers, plus, rng, slipRate);
    }

    public List<Problem> problems(int count, long seed, String prefix) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Problem> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(problem(rng, prefix + i));
        }
        return out;
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }

    private static String signs(boolean[] plus) {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 1; i < plus.length; i++) {
            sb.append(plus[i] ? '+' : '-');
        }
        return sb.toString();
    }
}
