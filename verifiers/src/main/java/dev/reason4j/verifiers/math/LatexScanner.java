package dev.reason4j.verifiers.math;

import java.math.BigDecimal;

/**
 * Character-level reading shared by the expression grammar: the position in the string, spaces,
 * LaTeX command names, number literals, and the nesting budget (every recursive step of a grammar
 * built on this calls {@link #enter()} so depth is capped before the stack is).
 */
abstract class LatexScanner {

    final String s;
    final Budget budget;
    private final int maxNesting;
    int pos;
    int depth;

    LatexScanner(String s, Budget budget) {
        this.s = s;
        this.budget = budget;
        this.maxNesting = budget.config().maxNesting();
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    boolean accept(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** The name of the LaTeX command at the position ({@code "frac"} for {@code \frac}), or null. */
    String peekCommand() {
        if (pos >= s.length() || s.charAt(pos) != '\\') {
            return null;
        }
        int end = pos + 1;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) {
            end++;
        }
        return end == pos + 1 ? null : s.substring(pos + 1, end);
    }

    /** Skips the command {@link #peekCommand()} saw; true, so it can sit in a condition. */
    boolean consumeCommand() {
        pos += 1 + peekCommand().length();
        return true;
    }

    /** The run of ASCII letters starting at the position, without consuming it. */
    String peekLetters() {
        int end = pos;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(pos, end);
    }

    char previousNonSpace() {
        int i = pos - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 ? s.charAt(i) : '\0';
    }

    void enter() {
        budget.tick();
        if (++depth > maxNesting) {
            throw new LimitExceededException("the answer nests deeper than the cap of " + maxNesting + " levels");
        }
    }

    void exit() {
        depth--;
    }

    /** A decimal literal: digits with an optional point, and {@code e}/{@code E} scientific notation when digits follow. */
    Expr parseNumber(Budget budget) {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        boolean decimal = s.substring(start, pos).contains(".");
        if (pos + 1 < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos++;
            accept('+');
            accept('-');
            if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                decimal = true;
            } else {
                pos = save;
            }
        }
        String digits = s.substring(start, pos);
        return new Expr.Num(decimalValue(digits, budget), decimal);
    }

    private static BigRational decimalValue(String digits, Budget budget) {
        BigDecimal d;
        try {
            d = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new AnswerParseException("not a number: '" + digits + "'");
        }
        long exponent = Math.max(Math.abs((long) d.scale()), (long) d.precision() - d.scale());
        if (exponent > budget.config().maxExponent()) {
            throw new LimitExceededException("the number " + abbreviate(digits) + " has a decimal exponent above the cap of "
                    + budget.config().maxExponent());
        }
        return BigRational.of(d);
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 20) + "...";
    }
}
