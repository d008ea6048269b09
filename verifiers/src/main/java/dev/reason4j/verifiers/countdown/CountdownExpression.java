package dev.reason4j.verifiers.countdown;

import dev.reason4j.verifiers.math.BigRational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Countdown expression: non-negative integers joined by binary {@code + - * /} and parentheses,
 * evaluated exactly in rationals ({@code 8 / (3 - 8/3)} is exactly 24). No unary minus, no
 * concatenation of digits across a space, no leading zeros, nothing else.
 */
final class CountdownExpression {

    /** The expression could not be read, or broke a rule; {@code limit} when a cap was hit. */
    static final class Rejected extends RuntimeException {
        final boolean limit;

        Rejected(String message, boolean limit) {
            super(message, null, false, false);
            this.limit = limit;
        }
    }

    /** Its exact value ({@code null} after a division by zero) and the numbers it uses, in order. */
    record Parsed(BigRational value, List<BigInteger> numbers) {}

    private final String s;
    private final Set<Character> operators;
    private final int maxNesting;
    private final List<BigInteger> numbers = new ArrayList<>();
    private int pos;
    private int depth;
    private boolean dividedByZero;

    private CountdownExpression(String s, Set<Character> operators, int maxNesting) {
        this.s = s;
        this.operators = operators;
        this.maxNesting = maxNesting;
    }

    static Parsed parse(String s, Set<Character> operators, int maxNesting) {
        CountdownExpression p = new CountdownExpression(s, operators, maxNesting);
        BigRational value = p.sum();
        p.skipSpaces();
        if (p.pos < s.length()) {
            throw new Rejected("unexpected '" + s.charAt(p.pos) + "' at position " + p.pos, false);
        }
        return new Parsed(p.dividedByZero ? null : value, p.numbers);
    }

    private BigRational sum() {
        BigRational acc = product();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c != '+' && c != '-') {
                return acc;
            }
            operator(c);
            BigRational next = product();
            acc = c == '+' ? add(acc, next, true) : add(acc, next, false);
        }
    }

    private BigRational product() {
        BigRational acc = factor();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c != '*' && c != '/') {
                return acc;
            }
            operator(c);
            BigRational next = factor();
            if (c == '*') {
                acc = acc == null || next == null ? null : acc.multiply(next);
            } else if (next != null && next.signum() == 0) {
                dividedByZero = true;
                acc = null;
            } else {
                acc = acc == null || next == null ? null : acc.divide(next);
            }
        }
    }

    private BigRational factor() {
        skipSpaces();
        char c = peek();
        if (c == '(') {
            if (++depth > maxNesting) {
                throw new Rejected("the expression nests deeper than the cap of " + maxNesting + " parentheses", true);
            }
            pos++;
            BigRational inner = sum();
            skipSpaces();
            if (peek() != ')') {
                throw new Rejected("a parenthesis is not closed", false);
            }
            pos++;
            depth--;
            return inner;
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (c == '-' || c == '+') {
            throw new Rejected("a sign before a number ('" + c + "') is not a binary operation on the given numbers", false);
        }
        throw new Rejected(c == '\0' ? "the expression ends where a number was expected" : "unexpected '" + c + "' where a number was expected", false);
    }

    private BigRational number() {
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        String digits = s.substring(start, pos);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new Rejected("the number " + digits + " has a leading zero", false);
        }
        BigInteger n = new BigInteger(digits);
        numbers.add(n);
        return BigRational.of(n);
    }

    private void operator(char c) {
        if (!operators.contains(c)) {
            throw new Rejected("uses '" + c + "', which is not an allowed operator", false);
        }
        pos++;
    }

    private static BigRational add(BigRational a, BigRational b, boolean plus) {
        return a == null || b == null ? null : plus ? a.add(b) : a.subtract(b);
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }
}
