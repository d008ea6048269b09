package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.MathAnswer.RelOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scanning a normalized answer at bracket depth zero: splitting on a separator, finding a
 * bracket's partner, finding relation operators. Brackets of all kinds ({@code ( [ \{}) count
 * alike, so an interval {@code (1, 2]} is one group. Iterative, linear in the length.
 */
final class TopLevel {

    private static final Map<String, RelOp> RELATION_COMMANDS = Map.ofEntries(
            Map.entry("le", RelOp.LE), Map.entry("leq", RelOp.LE), Map.entry("leqslant", RelOp.LE),
            Map.entry("ge", RelOp.GE), Map.entry("geq", RelOp.GE), Map.entry("geqslant", RelOp.GE),
            Map.entry("lt", RelOp.LT), Map.entry("gt", RelOp.GT), Map.entry("ne", RelOp.NE), Map.entry("neq", RelOp.NE));

    /** A relation operator found at depth zero: {@code [start, end)} in the string. */
    record Operator(int start, int end, RelOp op) {}

    private TopLevel() {
    }

    /** Splits at depth-zero occurrences of {@code sep}; a LaTeX command separator must end at a non-letter. */
    static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isOpen(c)) {
                depth++;
            } else if (isClose(c)) {
                depth--;
            } else if (depth == 0 && s.startsWith(sep, i) && endsWord(s, sep, i)) {
                parts.add(s.substring(last, i));
                last = i + sep.length();
                i = last - 1;
            }
        }
        parts.add(s.substring(last));
        return parts;
    }

    /** Index of the bracket closing the one at {@code open}, or -1 when unbalanced. */
    static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isOpen(c)) {
                depth++;
            } else if (isClose(c) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every bracket is closed and none closes before it opens. */
    static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isOpen(c)) {
                depth++;
            } else if (isClose(c) && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    static List<Operator> relations(String s) {
        List<Operator> ops = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isOpen(c)) {
                depth++;
            } else if (isClose(c)) {
                depth--;
            } else if (depth == 0) {
                Operator op = operatorAt(s, i);
                if (op != null) {
                    ops.add(op);
                    i = op.end() - 1;
                }
            }
        }
        return ops;
    }

    private static Operator operatorAt(String s, int i) {
        char c = s.charAt(i);
        boolean eqNext = i + 1 < s.length() && s.charAt(i + 1) == '=';
        switch (c) {
            case '<': return new Operator(i, eqNext ? i + 2 : i + 1, eqNext ? RelOp.LE : RelOp.LT);
            case '>': return new Operator(i, eqNext ? i + 2 : i + 1, eqNext ? RelOp.GE : RelOp.GT);
            case '=': return new Operator(i, i + 1, RelOp.EQ);
            case '!': return eqNext ? new Operator(i, i + 2, RelOp.NE) : null;
            case '\\':
                int end = i + 1;
                while (end < s.length() && Character.isLetter(s.charAt(end))) {
                    end++;
                }
                RelOp op = RELATION_COMMANDS.get(s.substring(i + 1, end));
                return op == null ? null : new Operator(i, end, op);
            default: return null;
        }
    }

    private static boolean endsWord(String s, String sep, int i) {
        int end = i + sep.length();
        return !sep.startsWith("\\") || end >= s.length() || !Character.isLetter(s.charAt(end));
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '}';
    }
}
