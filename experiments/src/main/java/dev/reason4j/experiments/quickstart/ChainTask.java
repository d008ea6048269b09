package dev.reason4j.experiments.quickstart;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The quickstart's task: a chain of single-digit additions and subtractions, e.g. {@code 7+3-2+9},
 * solved step by step in a {@code <think>} block ("7+3=10", "10-2=8", "8+9=17") with the result in
 * {@code <answer>}. Intermediate steps matter: a slip in any of them makes the answer wrong.
 *
 * <p>The prompt opens the think block, R1-Zero style. The warm-start solutions forget carries and
 * borrows more often than not (a systematic error, like a pupil's, not random noise), so the base
 * model's most likely answer to a step with a carry is wrong, even at low temperature; it still writes
 * the right step sometimes. GRPO, rewarded only for a correct final answer and the R1 layout, has to
 * learn to carry.
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
     * The worked solution; with {@code rng} non-null, a step that needs a carry (or a borrow) forgets it
     * with probability {@code slipRate} — the result is 10 too small (too large) — and later steps build
     * on the wrong value. Steps without a carry are always right.
     */
    static String solution(int[] numbers, boolean[] plus, SplittableRandom rng, double slipRate) {
        StringBuilder out = new StringBuilder();
        int value = numbers[0];
        for (int i = 1; i < numbers.length; i++) {
            int next = value + (plus[i] ? numbers[i] : -numbers[i]);
            if (rng != null && needsCarry(value, numbers[i], plus[i]) && rng.nextDouble() < slipRate) {
                next += plus[i] ? -10 : 10;
            }
            out.append(value).append(plus[i] ? '+' : '-').append(numbers[i]).append('=').append(next).append('\n');
            value = next;
        }
        return out.append("</think><answer>").append(value).append("</answer>").toString();
    }

    /** Whether value ± digit crosses a multiple of ten (a carry for +, a borrow for −). */
    static boolean needsCarry(int value, int digit, boolean plus) {
        return plus ? value % 10 + digit >= 10 : value >= 10 && value % 10 < digit;
    }

    /** A warm-start response for {@code problem}, slipping at {@code slipRate}. */
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
