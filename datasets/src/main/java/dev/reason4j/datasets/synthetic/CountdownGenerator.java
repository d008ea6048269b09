package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Countdown (as in TinyZero): reach a target with the given numbers, each used exactly once, and
 * {@code + - * /}. Always solvable: the target is the value of a random expression over the numbers, built
 * by combining two values at a time, with every intermediate a positive integer (no fractions, no zero).
 * Answer: the target. Metadata: {@code numbers} (list of ints, in the order shown), {@code target} (int),
 * {@code solution_expression} (one expression that reaches the target; the reference solution's
 * {@code <answer>} holds it, since that is what the Countdown checker reads).
 */
public final class CountdownGenerator implements ProblemGenerator {
    private static final int MAX_ATTEMPTS = 10_000;
    /** Keeps products of intermediates far from overflow; no target is near it. */
    private static final long MAX_VALUE = 1_000_000_000L;

    /**
     * @param minNumbers    fewest numbers given (at least 2)
     * @param maxNumbers    most numbers given
     * @param maxNumber     numbers are drawn from 1..maxNumber
     * @param maxTarget     targets are in 1..maxTarget
     * @param allowDivision whether {@code /} may appear (always exact)
     */
    public record Config(int minNumbers, int maxNumbers, int maxNumber, int maxTarget, boolean allowDivision) {
        public Config {
            if (minNumbers < 2 || maxNumbers < minNumbers || maxNumbers > 8) {
                throw new Reason4jException("countdown: need 2 <= minNumbers <= maxNumbers <= 8, got " + minNumbers + ".." + maxNumbers);
            }
            if (maxNumber < 2 || maxNumber > 10_000) {
                throw new Reason4jException("countdown: maxNumber must be in 2..10000, got " + maxNumber);
            }
            if (maxTarget < 1) {
                throw new Reason4jException("countdown: maxTarget must be at least 1, got " + maxTarget);
            }
        }

        /** TinyZero's setting: 3–4 numbers from 1..99, targets up to 100. */
        public static Config defaults() {
            return new Config(3, 4, 99, 100, true);
        }
    }

    /** A value built so far and the expression that makes it; {@code compound} if it needs parentheses as an operand. */
    private record Term(long value, String expression, boolean compound) {
        String operand() {
            return compound ? "(" + expression + ")" : expression;
        }
    }

    private final Config config;

    public CountdownGenerator(Config config) {
        this.config = config;
    }

    public CountdownGenerator() {
        this(Config.defaults());
    }

    @Override
    public String name() {
        return "countdown";
    }

    @Override
    public Problem generate(SplittableRandom random, String id) {
        int count = random.nextInt(config.minNumbers(), config.maxNumbers() + 1);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Integer> numbers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                numbers.add(random.nextInt(1, config.maxNumber() + 1));
            }
            WorkedSolution solution = new WorkedSolution();
            Term result = combineAll(numbers, random, solution);
            if (result != null && result.value() >= 1 && result.value() <= config.maxTarget()) {
                return problem(id, numbers, result, solution);
            }
        }
        throw new Reason4jException("countdown: found no target in 1.." + config.maxTarget() + " for numbers up to "
                + config.maxNumber() + " in " + MAX_ATTEMPTS + " tries; raise maxTarget or lower maxNumber");
    }

    /** Combines random pairs until one term is left, recording each step; null if a step had no valid operation. */
    private Term combineAll(List<Integer> numbers, SplittableRandom random, WorkedSolution solution) {
        List<Term> pool = new ArrayList<>();
        numbers.forEach(n -> pool.add(new Term(n, Integer.toString(n), false)));
        while (pool.size() > 1) {
            Term a = pool.remove(random.nextInt(pool.size()));
            Term b = pool.remove(random.nextInt(pool.size()));
            Term combined = combine(a, b, random, solution);
            if (combined == null) {
                return null;
            }
            pool.add(combined);
        }
        return pool.get(0);
    }

    /**
     * A random operation on the two terms that keeps the value a positive integer (larger operand first
     * for {@code -} and {@code /}), written down as a solution step; null if no operation does.
     */
    private Term combine(Term a, Term b, SplittableRandom random, WorkedSolution solution) {
        List<Character> ops = new ArrayList<>(List.of('+', '-', '*', '/'));
        while (!ops.isEmpty()) {
            char op = ops.remove(random.nextInt(ops.size()));
            Term left = a;
            Term right = b;
            if ((op == '-' || op == '/') && a.value() < b.value()) {
                left = b;
                right = a;
            }
            Long value = apply(op, left.value(), right.value());
            if (value != null) {
                solution.step(left.value() + " " + op + " " + right.value() + " = " + value + ".");
                return new Term(value, left.operand() + " " + op + " " + right.operand(), true);
            }
        }
        return null;
    }

    private Long apply(char op, long left, long right) {
        return switch (op) {
            case '+' -> left + right;
            case '-' -> left > right ? left - right : null;
            case '*' -> left <= MAX_VALUE / right ? left * right : null;
            case '/' -> config.allowDivision() && right > 1 && left % right == 0 ? left / right : null;
            default -> throw new IllegalStateException("unknown operation " + op);
        };
    }

    private Problem problem(String id, List<Integer> numbers, Term result, WorkedSolution solution) {
        int target = (int) result.value();
        String operations = config.allowDivision() ? "(+, -, *, /)" : "(+, -, *)";
        String text = "Using the numbers " + numbers + ", create an equation that equals " + target
                + ". You can use basic arithmetic operations " + operations + " and each number must be used exactly once.";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", name());
        metadata.put("numbers", List.copyOf(numbers));
        metadata.put("target", target);
        metadata.put("solution_expression", result.expression());
        solution.step("So " + result.expression() + " = " + target + ".");
        return Problem.math(id, Prompt.text(text), Integer.toString(target),
                solution.addTo(metadata, result.expression(), result.expression()));
    }
}
