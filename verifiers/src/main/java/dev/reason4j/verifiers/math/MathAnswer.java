package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The structure of one parsed answer: a scalar, an ordered bracketed tuple or interval, an unordered
 * set (also a bare comma list of solutions and a {@code \pm} pair), a union of intervals, a matrix,
 * a relation, free text, or a multiple-choice letter. {@link Equivalence} compares two of them;
 * {@link #key()} is a canonical spelling (equal keys imply equivalence, not the converse).
 */
sealed interface MathAnswer {

    String key();

    /**
     * @param exact          the exact value when the scalar is a provably rational constant, else null
     * @param undefined      the scalar has no value (division by zero...): equal to nothing
     * @param decimalLiteral the number as written when the whole scalar is a plain decimal ({@code 3.14}), else null
     */
    record Scalar(Expr expr, String source, BigRational exact, boolean undefined, BigDecimal decimalLiteral) implements MathAnswer {
        public String key() {
            return undefined ? "undefined" : exact != null ? exact.toString() : source.replace(" ", "");
        }
    }

    /** Tuples and intervals: order and the bracket at each end matter. */
    record Bracketed(char open, char close, List<MathAnswer> items) implements MathAnswer {
        public String key() {
            return open + items.stream().map(MathAnswer::key).collect(Collectors.joining(",")) + close;
        }
    }

    /** Order does not matter; the number of elements does. */
    record SetOf(List<MathAnswer> items) implements MathAnswer {
        public String key() {
            return "{" + items.stream().map(MathAnswer::key).sorted().collect(Collectors.joining(",")) + "}";
        }
    }

    record Union(List<MathAnswer> parts) implements MathAnswer {
        public String key() {
            return parts.stream().map(MathAnswer::key).sorted().collect(Collectors.joining("U"));
        }
    }

    record Matrix(List<List<MathAnswer>> rows) implements MathAnswer {
        public String key() {
            return rows.stream().map(r -> r.stream().map(MathAnswer::key).collect(Collectors.joining("&")))
                    .collect(Collectors.joining("\\\\", "[", "]"));
        }
    }

    record Relation(MathAnswer lhs, RelOp op, MathAnswer rhs) implements MathAnswer {
        public String key() {
            MathAnswer value = Equivalence.assignedValue(this);
            return value != null ? value.key() : lhs.key() + op.symbol + rhs.key();
        }
    }

    /** Compared case-insensitively with whitespace collapsed. */
    record Text(String text) implements MathAnswer {
        public String key() {
            return normalized(text);
        }

        static String normalized(String s) {
            return s.trim().replaceAll("\\s+", " ").replaceAll("[.]+$", "").toLowerCase(Locale.ROOT);
        }
    }

    record Choice(char letter) implements MathAnswer {
        public String key() {
            return "(" + letter + ")";
        }
    }

    enum RelOp {
        LT("<"), LE("\\le"), GT(">"), GE("\\ge"), EQ("="), NE("\\ne");

        final String symbol;

        RelOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
