package dev.reason4j.rewards;

import java.math.BigInteger;

/**
 * An evaluator for + - * / and parentheses over whole numbers in exact fractions, independent of
 * the production Countdown checker, to build corrupted answers whose value certainly changed.
 */
final class ExactExpression {
    private static final String OPERATORS = "+-*/";

    /** num/den in lowest terms, den > 0. */
    private record Fraction(BigInteger num, BigInteger den) {
        static Fraction of(BigInteger num, BigInteger den) {
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            return g.signum() == 0 ? new Fraction(num, den) : new Fraction(num.divide(g), den.divide(g));
        }

        Fraction apply(char op, Fraction b) {
            return switch (op) {
                case '+' -> of(num.multiply(b.den).add(b.num.multiply(den)), den.multiply(b.den));
                case '-' -> of(num.multiply(b.den).subtract(b.num.multiply(den)), den.multiply(b.den));
                case '*' -> of(num.multiply(b.num), den.multiply(b.den));
                default -> b.num.signum() == 0 ? null : of(num.multiply(b.den), den.multiply(b.num));
            };
        }
    }

    private final String s;
    private int pos;

    private ExactExpression(String s) {
        this.s = s.replace(" ", "");
    }

    /** The value, or null after a division by zero. */
    static Fraction evaluate(String expression) {
        ExactExpression e = new ExactExpression(expression);
        Fraction value = e.sum();
        if (e.pos != e.s.length()) {
            throw new IllegalArgumentException("cannot read " + expression);
        }
        return value;
    }

    /**
     * The expression with one operator replaced by another so that its value is no longer
     * {@code target} (same numbers, so only the value can make it wrong); null if no flip does.
     */
    static String changeValue(String expression, int target) {
        Fraction goal = Fraction.of(BigInteger.valueOf(target), BigInteger.ONE);
        for (int i = 0; i < expression.length(); i++) {
            if (OPERATORS.indexOf(expression.charAt(i)) < 0) {
                continue;
            }
            for (char op : OPERATORS.toCharArray()) {
                String flipped = expression.substring(0, i) + op + expression.substring(i + 1);
                Fraction value = evaluate(flipped);
                if (value != null && !value.equals(goal)) {
                    return flipped;
                }
            }
        }
        return null;
    }

    private Fraction sum() {
        Fraction acc = product();
        while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            char op = s.charAt(pos++);
            Fraction next = product();
            acc = acc == null || next == null ? null : acc.apply(op, next);
        }
        return acc;
    }

    private Fraction product() {
        Fraction acc = factor();
        while (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
            char op = s.charAt(pos++);
            Fraction next = factor();
            acc = acc == null || next == null ? null : acc.apply(op, next);
        }
        return acc;
    }

    private Fraction factor() {
        if (s.charAt(pos) == '(') {
            pos++;
            Fraction inner = sum();
            pos++; // ')'
            return inner;
        }
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        return Fraction.of(new BigInteger(s.substring(start, pos)), BigInteger.ONE);
    }
}
