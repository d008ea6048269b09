package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multi-step arithmetic: a chain of additions, subtractions and multiplications applied in order
 * ("Start with 7, add 3, multiply by 4, then subtract 9. What is the result?"). The reference solution
 * shows the running result after each step. Answer: the final integer.
 */
public final class ArithmeticChainGenerator implements ProblemGenerator {
    /** Beyond this, a multiplication is replaced by an addition so values stay readable (and far from overflow). */
    private static final long MAX_MAGNITUDE = 1_000_000_000_000L;

    /**
     * @param minTerms      fewest numbers in the chain (the start counts; at least 2)
     * @param maxTerms      most numbers in the chain
     * @param maxOperand    the start and added/subtracted numbers are in 1..maxOperand
     * @param maxMultiplier multipliers are in 2..maxMultiplier; below 2, no multiplication
     * @param allowNegative whether a subtraction may go below zero
     */
    public record Config(int minTerms, int maxTerms, int maxOperand, int maxMultiplier, boolean allowNegative) {
        public Config {
            if (minTerms < 2 || maxTerms < minTerms || maxTerms > 50) {
                throw new Reason4jException("arithmetic: need 2 <= minTerms <= maxTerms <= 50, got " + minTerms + ".." + maxTerms);
            }
            if (maxOperand < 1 || maxOperand > 1_000_000) {
                throw new Reason4jException("arithmetic: maxOperand must be in 1..1000000, got " + maxOperand);
            }
            if (maxMultiplier > 1000) {
                throw new Reason4jException("arithmetic: maxMultiplier must be at most 1000, got " + maxMultiplier);
            }
        }

        /** The toy setting of the design notes: 4 single-digit terms, small multipliers, no negatives. */
        public static Config defaults() {
            return new Config(4, 4, 9, 9, false);
        }
    }

    private enum Operation {
        ADD("add %d", '+'), SUBTRACT("subtract %d", '-'), MULTIPLY("multiply by %d", '*');

        final String phrase;
        final char symbol;

        Operation(String phrase, char symbol) {
            this.phrase = phrase;
            this.symbol = symbol;
        }
    }

    private final Config config;

    public ArithmeticChainGenerator(Config config) {
        this.config = config;
    }

    public ArithmeticChainGenerator() {
        this(Config.defaults());
    }

    @Override
    public String name() {
        return "arithmetic";
    }

    @Override
    public Problem generate(SplittableRandom random, String id) {
        int terms = random.nextInt(config.minTerms(), config.maxTerms() + 1);
        long value = random.nextInt(1, config.maxOperand() + 1);
        StringBuilder text = new StringBuilder("Start with ").append(value);
        WorkedSolution solution = new WorkedSolution();
        for (int step = 1; step < terms; step++) {
            Operation operation = pick(random, value);
            long operand = operation == Operation.MULTIPLY
                    ? random.nextInt(2, config.maxMultiplier() + 1)
                    : random.nextInt(1, config.maxOperand() + 1);
            if (operation == Operation.SUBTRACT && !config.allowNegative()) {
                operand = Math.min(operand, value);
            }
            long next = switch (operation) {
                case ADD -> value + operand;
                case SUBTRACT -> value - operand;
                case MULTIPLY -> value * operand;
            };
            text.append(step == terms - 1 && terms > 2 ? ", then " : ", ").append(String.format(operation.phrase, operand));
            solution.step(value + " " + operation.symbol + " " + operand + " = " + next + ".");
            value = next;
        }
        text.append(". What is the result?");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", name());
        metadata.put("terms", terms);
        String answer = Long.toString(value);
        return Problem.math(id, Prompt.text(text.toString()), answer, solution.addTo(metadata, answer, answer));
    }

    /** A random operation that keeps the chain valid: no subtraction from zero without negatives, no huge products. */
    private Operation pick(SplittableRandom random, long value) {
        boolean multiply = config.maxMultiplier() >= 2 && Math.abs(value) <= MAX_MAGNITUDE / config.maxMultiplier();
        boolean subtract = config.allowNegative() || value >= 1;
        int choices = 1 + (subtract ? 1 : 0) + (multiply ? 1 : 0);
        int choice = random.nextInt(choices);
        if (choice == 0) {
            return Operation.ADD;
        }
        return choice == 1 && subtract ? Operation.SUBTRACT : Operation.MULTIPLY;
    }
}
