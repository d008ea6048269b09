package dev.reason4j.datasets.synthetic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' own oracle: an exact rational evaluator for {@code + - * /} with parentheses, written
 * independently of the generators so a shared bug cannot hide.
 */
final class ExactArithmetic {
    /** A fraction in lowest terms with a positive denominator. */
    record Fraction(BigInteger numerator, BigInteger denominator) {
        Fraction {
            if (denominator.signum() == 0) {
                throw new ArithmeticException("division by zero");
            }
            BigInteger gcd = numerator.gcd(denominator);
            if (denominator.signum() < 0) {
                gcd = gcd.negate();
            }
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }

        static Fraction of(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        Fraction apply(char op, Fraction o) {
            return switch (op) {
                case '+' -> new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
                case '-' -> new Fraction(numerator.multiply(o.denominator).subtract(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
                case '*' -> new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
                case '/' -> new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
                default -> throw new IllegalArgumentException("operator " + op);
            };
        }
    }

    /** The value of an expression, and the integer literals it uses in order. */
    record Evaluation(Fraction value, List<Long> literals) {
    }

    private final String text;
    private final List<Long> literals = new ArrayList<>();
    private int pos;

    private ExactArithmetic(String text) {
        this.text = text;
    }

    static Evaluation evaluate(String expression) {
        ExactArithmetic parser = new ExactArithmetic(expression);
        Fraction value = parser.sum();
        parser.skipSpaces();
        if (parser.pos != expression.length()) {
            throw new IllegalArgumentException("trailing text at " + parser.pos + " in " + expression);
        }
        return new Evaluation(value, parser.literals);
    }

    private Fraction sum() {
        Fraction value = product();
        for (char op = peek(); op == '+' || op == '-'; op = peek()) {
            pos++;
            value = value.apply(op, product());
        }
        return value;
    }

    private Fraction product() {
        Fraction value = atom();
        for (char op = peek(); op == '*' || op == '/'; op = peek()) {
            pos++;
            value = value.apply(op, atom());
        }
        return value;
    }

    private Fraction atom() {
        char c = peek();
        if (c == '(') {
            pos++;
            Fraction inner = sum();
            if (peek() != ')') {
                throw new IllegalArgumentException("missing ) at " + pos + " in " + text);
            }
            pos++;
            return inner;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a number at " + pos + " in " + text);
        }
        long literal = Long.parseLong(text.substring(start, pos));
        literals.add(literal);
        return Fraction.of(literal);
    }

    private char peek() {
        skipSpaces();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
