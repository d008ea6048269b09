package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Linear equations in x with an integer solution: {@code ax + b = c}, or with {@code bothSides}
 * {@code ax + b = dx + e}. The problem is built from the solution, so it always exists and is unique
 * ({@code a != d}). Answer: x.
 */
public final class LinearEquationGenerator implements ProblemGenerator {
    /**
     * @param maxCoefficient coefficients of x are in -maxCoefficient..maxCoefficient (never 0 on the left)
     * @param maxConstant    the constant b is in -maxConstant..maxConstant
     * @param maxSolution    x is in -maxSolution..maxSolution (0..maxSolution without negatives)
     * @param allowNegativeSolution whether x may be negative
     * @param bothSides      whether x appears on both sides
     */
    public record Config(int maxCoefficient, int maxConstant, int maxSolution, boolean allowNegativeSolution, boolean bothSides) {
        public Config {
            if (maxCoefficient < 1 || maxCoefficient > 10_000) {
                throw new Reason4jException("linear: maxCoefficient must be in 1..10000, got " + maxCoefficient);
            }
            if (bothSides && maxCoefficient < 2) {
                throw new Reason4jException("linear: x on both sides needs maxCoefficient >= 2, got " + maxCoefficient);
            }
            if (maxConstant < 0 || maxConstant > 1_000_000) {
                throw new Reason4jException("linear: maxConstant must be in 0..1000000, got " + maxConstant);
            }
            if (maxSolution < 1 || maxSolution > 1_000_000) {
                throw new Reason4jException("linear: maxSolution must be in 1..1000000, got " + maxSolution);
            }
        }

        public static Config defaults() {
            return new Config(9, 20, 10, true, false);
        }
    }

    private final Config config;

    public LinearEquationGenerator(Config config) {
        this.config = config;
    }

    public LinearEquationGenerator() {
        this(Config.defaults());
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Problem generate(SplittableRandom random, String id) {
        long x = random.nextInt(config.allowNegativeSolution() ? -config.maxSolution() : 0, config.maxSolution() + 1);
        long a = nonZero(random, config.maxCoefficient());
        long b = random.nextInt(-config.maxConstant(), config.maxConstant() + 1);
        long d = 0;
        if (config.bothSides()) {
            do {
                d = nonZero(random, config.maxCoefficient());
            } while (d == a);
        }
        long e = (a - d) * x + b;
        String equation = linear(a, b) + " = " + linear(d, e);
        WorkedSolution solution = new WorkedSolution();
        long coefficient = a;
        if (d != 0) {
            coefficient = a - d;
            solution.step((d > 0 ? "Subtract " + term(d) + " from" : "Add " + term(-d) + " to") + " both sides: "
                    + linear(coefficient, b) + " = " + e + ".");
        }
        if (b != 0) {
            solution.step((b > 0 ? "Subtract " + b + " from" : "Add " + -b + " to") + " both sides: "
                    + linear(coefficient, 0) + " = " + (e - b) + ".");
        }
        if (coefficient != 1) {
            solution.step("Divide both sides by " + coefficient + ": x = " + x + ".");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", name());
        metadata.put("equation", equation);
        String answer = Long.toString(x);
        return Problem.math(id, Prompt.text("Solve for x: " + equation + ". What is x?"), answer,
                solution.addTo(metadata, answer, answer));
    }

    private static long nonZero(SplittableRandom random, int max) {
        long value = random.nextInt(1, max + 1);
        return random.nextBoolean() ? value : -value;
    }

    /** {@code coefficient·x + constant} as a person writes it: {@code 3x - 5}, {@code -x}, {@code 7}, {@code 0}. */
    static String linear(long coefficient, long constant) {
        if (coefficient == 0) {
            return Long.toString(constant);
        }
        String x = term(coefficient);
        if (constant == 0) {
            return x;
        }
        return x + (constant > 0 ? " + " + constant : " - " + -constant);
    }

    private static String term(long coefficient) {
        return coefficient == 1 ? "x" : coefficient == -1 ? "-x" : coefficient + "x";
    }
}
