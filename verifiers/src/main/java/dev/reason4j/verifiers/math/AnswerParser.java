package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.MathAnswer.RelOp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the structure of a normalized answer (see {@link LatexNormalizer}), outermost first:
 * matrix, membership ({@code x \in [1,2]}), union, bare comma list (a set of solutions), relation
 * or chain ({@code 1 < x \le 3} is the interval {@code (1, 3]}), {@code \pm} pair, braced set,
 * bracketed tuple or interval, and finally a scalar expression or, for words, text.
 */
final class AnswerParser {

    private static final Pattern MEMBERSHIP = Pattern.compile("^[a-zA-Z](?:_\\{?\\w+}?)?\\s*\\\\in\\s*(?=\\S)");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '\\-.]*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.\\d*|\\.\\d+|\\d+(?=[eE]))(?:[eE][+-]?\\d+)?");
    private static final Pattern EMPTY_SET = Pattern.compile("\\\\emptyset|\\\\varnothing|\\\\\\{\\s*\\\\}|\\{\\s*}");
    private static final Pattern MATRIX = Pattern.compile(
            "\\\\begin\\{(pmatrix|bmatrix|matrix|smallmatrix)}(.*)\\\\end\\{\\1}", Pattern.DOTALL);

    private final Budget budget;
    private int depth;

    private AnswerParser(Budget budget) {
        this.budget = budget;
    }

    /** Throws {@link AnswerParseException} for what it cannot read and {@link LimitExceededException} at a cap. */
    static MathAnswer parse(String normalized, Budget budget) {
        if (!TopLevel.balanced(normalized)) {
            throw new AnswerParseException("unbalanced brackets in '" + normalized + "'");
        }
        return new AnswerParser(budget).parseAny(normalized);
    }

    private MathAnswer parseAny(String raw) {
        budget.tick();
        if (++depth > budget.config().maxNesting()) {
            throw new LimitExceededException("the answer nests deeper than the cap of " + budget.config().maxNesting() + " levels");
        }
        try {
            return parseStructure(raw.trim());
        } finally {
            depth--;
        }
    }

    private MathAnswer parseStructure(String s) {
        if (s.isEmpty()) {
            throw new AnswerParseException("empty answer");
        }
        var matrix = MATRIX.matcher(s);
        if (matrix.matches()) {
            return parseMatrix(matrix.group(2));
        }
        var membership = MEMBERSHIP.matcher(s);
        if (membership.find()) {
            return parseAny(s.substring(membership.end()));
        }
        List<String> union = TopLevel.split(s, "\\cup");
        if (union.size() > 1) {
            return new MathAnswer.Union(parseAll(union));
        }
        List<String> items = TopLevel.split(s, ",");
        if (items.size() > 1) {
            return new MathAnswer.SetOf(parseAll(items));
        }
        List<TopLevel.Operator> ops = TopLevel.relations(s);
        if (!ops.isEmpty()) {
            return parseRelation(s, ops);
        }
        if (s.contains("\\pm") || s.contains("\\mp")) {
            return plusMinus(s);
        }
        if (EMPTY_SET.matcher(s).matches()) {
            return new MathAnswer.SetOf(List.of());
        }
        if (s.startsWith("\\{") && TopLevel.matchingClose(s, 1) == s.length() - 1 && s.endsWith("\\}")) {
            return new MathAnswer.SetOf(parseAll(TopLevel.split(s.substring(2, s.length() - 2), ",")));
        }
        if ((s.charAt(0) == '(' || s.charAt(0) == '[') && TopLevel.matchingClose(s, 0) == s.length() - 1) {
            List<String> inner = TopLevel.split(s.substring(1, s.length() - 1), ",");
            if (inner.size() > 1) {
                return new MathAnswer.Bracketed(s.charAt(0), s.charAt(s.length() - 1), parseAll(inner));
            }
        }
        return scalarOrText(s);
    }

    private List<MathAnswer> parseAll(List<String> parts) {
        List<MathAnswer> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(parseAny(p));
        }
        return out;
    }

    private MathAnswer parseRelation(String s, List<TopLevel.Operator> ops) {
        List<MathAnswer> sides = new ArrayList<>();
        int last = 0;
        for (TopLevel.Operator op : ops) {
            sides.add(parseAny(s.substring(last, op.start())));
            last = op.end();
        }
        sides.add(parseAny(s.substring(last)));
        if (ops.size() == 1) {
            return new MathAnswer.Relation(sides.get(0), ops.get(0).op(), sides.get(1));
        }
        if (ops.size() == 2) {
            return chainAsInterval(sides, ops.get(0).op(), ops.get(1).op());
        }
        throw new AnswerParseException("a chain of " + ops.size() + " relations is not supported: '" + s + "'");
    }

    /** {@code a < x \le b} is the interval {@code (a, b]}; {@code b > x \ge a} is {@code [a, b)}. */
    private static MathAnswer chainAsInterval(List<MathAnswer> sides, RelOp first, RelOp second) {
        boolean ascending = isLess(first) && isLess(second);
        boolean descending = isGreater(first) && isGreater(second);
        if (!(ascending || descending) || !(sides.get(1) instanceof MathAnswer.Scalar mid && mid.expr() instanceof Expr.Var)) {
            throw new AnswerParseException("only a chain 'a < x < b' around one variable is supported");
        }
        MathAnswer lo = ascending ? sides.get(0) : sides.get(2);
        MathAnswer hi = ascending ? sides.get(2) : sides.get(0);
        RelOp loOp = ascending ? first : second;
        RelOp hiOp = ascending ? second : first;
        char open = loOp == RelOp.LE || loOp == RelOp.GE ? '[' : '(';
        char close = hiOp == RelOp.LE || hiOp == RelOp.GE ? ']' : ')';
        return new MathAnswer.Bracketed(open, close, List.of(lo, hi));
    }

    private static boolean isLess(RelOp op) {
        return op == RelOp.LT || op == RelOp.LE;
    }

    private static boolean isGreater(RelOp op) {
        return op == RelOp.GT || op == RelOp.GE;
    }

    /** {@code 2 \pm \sqrt{3}} is the set of its two values; one {@code \pm} per answer. */
    private MathAnswer plusMinus(String s) {
        String sign = s.contains("\\pm") ? "\\pm" : "\\mp";
        int at = s.indexOf(sign);
        if (s.indexOf("\\pm", at + 3) >= 0 || s.indexOf("\\mp", at + 3) >= 0) {
            throw new AnswerParseException("more than one \\pm in '" + s + "'");
        }
        String plus = s.substring(0, at) + "+" + s.substring(at + 3);
        String minus = s.substring(0, at) + "-" + s.substring(at + 3);
        return new MathAnswer.SetOf(List.of(scalarOrText(plus), scalarOrText(minus)));
    }

    private MathAnswer parseMatrix(String body) {
        List<List<MathAnswer>> rows = new ArrayList<>();
        for (String row : TopLevel.split(body, "\\\\")) {
            if (!row.isBlank()) {
                rows.add(parseAll(TopLevel.split(row, "&")));
            }
        }
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.size() != rows.get(0).size())) {
            throw new AnswerParseException("a matrix with ragged or no rows");
        }
        return new MathAnswer.Matrix(rows);
    }

    private MathAnswer scalarOrText(String s) {
        try {
            return scalar(s);
        } catch (AnswerParseException e) {
            if (TEXT.matcher(s).matches() && s.chars().anyMatch(Character::isLetter)) {
                return new MathAnswer.Text(s);
            }
            throw e;
        }
    }

    private MathAnswer.Scalar scalar(String s) {
        Expr expr = ExpressionParser.parse(s, budget);
        BigRational exact = null;
        boolean undefined = false;
        try {
            // also run for expressions with variables: the caps then apply to their constant parts (x^{2^{2^{40}}})
            exact = ExactEvaluator.value(expr, budget);
        } catch (UndefinedValueException e) {
            undefined = true;
        }
        BigDecimal decimal = DECIMAL.matcher(s).matches() ? new BigDecimal(s) : null;
        return new MathAnswer.Scalar(expr, s, exact, undefined, decimal);
    }
}
