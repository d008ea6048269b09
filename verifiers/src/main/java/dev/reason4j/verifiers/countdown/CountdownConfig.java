package dev.reason4j.verifiers.countdown;

import java.util.Objects;
import java.util.Set;

/**
 * How {@link CountdownVerifier} judges an expression.
 *
 * @param numberUse          whether each given number may be used at most once (the game's rule) or must be used exactly once
 *                           (TinyZero's Countdown reward)
 * @param operators          the binary operators allowed, a subset of {@code + - * /}
 * @param maxResponseChars   longer responses are not read ({@code LIMIT_EXCEEDED})
 * @param maxExpressionChars longer extracted expressions are not parsed ({@code LIMIT_EXCEEDED})
 * @param maxNesting         deepest parenthesis nesting accepted ({@code LIMIT_EXCEEDED} beyond)
 */
public record CountdownConfig(NumberUse numberUse, Set<Character> operators, int maxResponseChars, int maxExpressionChars, int maxNesting) {

    public enum NumberUse { AT_MOST_ONCE, EXACTLY_ONCE }

    private static final Set<Character> ALL_OPERATORS = Set.of('+', '-', '*', '/');

    public CountdownConfig {
        Objects.requireNonNull(numberUse, "CountdownConfig.numberUse");
        Objects.requireNonNull(operators, "CountdownConfig.operators");
        operators = Set.copyOf(operators);
        if (operators.isEmpty() || !ALL_OPERATORS.containsAll(operators)) {
            throw new IllegalArgumentException("CountdownConfig.operators must be a non-empty subset of + - * /, got " + operators);
        }
        if (maxResponseChars < 1 || maxExpressionChars < 1 || maxNesting < 1) {
            throw new IllegalArgumentException("CountdownConfig caps must be positive, got maxResponseChars=" + maxResponseChars
                    + ", maxExpressionChars=" + maxExpressionChars + ", maxNesting=" + maxNesting);
        }
    }

    /** At most once, all four operators, 256 Ki response characters, 1,000 expression characters, 50 levels. */
    public static CountdownConfig defaults() {
        return new CountdownConfig(NumberUse.AT_MOST_ONCE, ALL_OPERATORS, 262_144, 1_000, 50);
    }

    public CountdownConfig withNumberUse(NumberUse value) {
        return new CountdownConfig(value, operators, maxResponseChars, maxExpressionChars, maxNesting);
    }

    public CountdownConfig withOperators(Set<Character> value) {
        return new CountdownConfig(numberUse, value, maxResponseChars, maxExpressionChars, maxNesting);
    }
}
