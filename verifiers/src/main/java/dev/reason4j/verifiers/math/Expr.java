package dev.reason4j.verifiers.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed scalar expression. Built by {@link ExpressionParser}, valued exactly by
 * {@link ExactEvaluator} and at sample points by {@link ComplexEvaluator}. Subtraction is a
 * {@link Sum} with a {@link Neg} term and division a {@link Product} with a {@link Recip} factor,
 * so long chains stay flat lists instead of deep trees.
 */
sealed interface Expr {

    /** The direct sub-expressions, for traversals that do not care about the node kind. */
    List<Expr> children();

    /** A number as written; {@code decimal} when written with a decimal point or an exponent ({@code 0.5}, {@code 2e3}). */
    record Num(BigRational value, boolean decimal) implements Expr {
        public List<Expr> children() { return List.of(); }
    }

    record Constant(Const which) implements Expr {
        public List<Expr> children() { return List.of(); }
    }

    record Var(String name) implements Expr {
        public List<Expr> children() { return List.of(); }
    }

    record Sum(List<Expr> terms) implements Expr {
        public List<Expr> children() { return terms; }
    }

    record Neg(Expr arg) implements Expr {
        public List<Expr> children() { return List.of(arg); }
    }

    record Product(List<Expr> factors) implements Expr {
        public List<Expr> children() { return factors; }
    }

    record Recip(Expr arg) implements Expr {
        public List<Expr> children() { return List.of(arg); }
    }

    record Power(Expr base, Expr exponent) implements Expr {
        public List<Expr> children() { return List.of(base, exponent); }
    }

    record Call(Fn fn, Expr arg) implements Expr {
        public List<Expr> children() { return List.of(arg); }
    }

    /** {@code base == null} is the natural logarithm. */
    record Log(Expr base, Expr arg) implements Expr {
        public List<Expr> children() { return base == null ? List.of(arg) : List.of(base, arg); }
    }

    /** The principal {@code index}-th root; a real odd root of a negative real is taken real ({@code \sqrt[3]{-8} = -2}). */
    record Root(Expr index, Expr arg) implements Expr {
        public List<Expr> children() { return List.of(index, arg); }
    }

    record Factorial(Expr arg) implements Expr {
        public List<Expr> children() { return List.of(arg); }
    }

    record Binomial(Expr n, Expr k) implements Expr {
        public List<Expr> children() { return List.of(n, k); }
    }

    enum Const { PI, E, I, INFINITY }

    enum Fn { SIN, COS, TAN, SEC, CSC, COT, ASIN, ACOS, ATAN, SINH, COSH, TANH, EXP, ABS, FLOOR, CEIL }

    /** The free variables, sorted by name. Iterative: a hostile tree cannot overflow the stack here. */
    static Set<String> variables(Expr root) {
        Set<String> out = new TreeSet<>();
        for (Expr e : nodes(root)) {
            if (e instanceof Var v) {
                out.add(v.name());
            }
        }
        return out;
    }

    /** True when {@code \infty} appears anywhere in the tree. */
    static boolean containsInfinity(Expr root) {
        for (Expr e : nodes(root)) {
            if (e instanceof Constant c && c.which() == Const.INFINITY) {
                return true;
            }
        }
        return false;
    }

    /** +1 for {@code \infty} (or {@code +\infty}), -1 for {@code -\infty}, 0 for anything else. */
    static int infinitySign(Expr e) {
        int sign = 1;
        while (e instanceof Neg n) {
            sign = -sign;
            e = n.arg();
        }
        return e instanceof Constant c && c.which() == Const.INFINITY ? sign : 0;
    }

    private static List<Expr> nodes(Expr root) {
        List<Expr> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(out.get(i).children());
        }
        return out;
    }
}
