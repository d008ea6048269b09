package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.math.MathAnswer.Bracketed;
import dev.reason4j.verifiers.math.MathAnswer.Choice;
import dev.reason4j.verifiers.math.MathAnswer.Matrix;
import dev.reason4j.verifiers.math.MathAnswer.RelOp;
import dev.reason4j.verifiers.math.MathAnswer.Relation;
import dev.reason4j.verifiers.math.MathAnswer.Scalar;
import dev.reason4j.verifiers.math.MathAnswer.SetOf;
import dev.reason4j.verifiers.math.MathAnswer.Text;
import dev.reason4j.verifiers.math.MathAnswer.Union;
import java.util.List;

/**
 * Structural equivalence of two parsed answers; scalars go to {@link ScalarEquivalence}.
 * <ul>
 *   <li>tuples and intervals: same brackets at both ends, same length, equal item by item in order;</li>
 *   <li>sets, bare comma lists, {@code \pm} pairs and unions: the same elements in any order, counted;</li>
 *   <li>an assignment {@code x = 5} (a lone variable, or a tuple of them, on one side) equals its value {@code 5};</li>
 *   <li>relations: {@code >} and {@code \ge} are turned around, then {@code lhs - rhs} must be a
 *       constant multiple of the other's (positive for inequalities): {@code a \ge 3 ≡ 3 \le a ≡ 2a \ge 6};</li>
 *   <li>text: case-insensitive with whitespace collapsed; choices: the same letter.</li>
 * </ul>
 * Different kinds are never equal (a tuple is not a set, a set of one is not its element).
 */
final class Equivalence {

    private final Budget budget;
    private final ScalarEquivalence scalars;

    Equivalence(Budget budget) {
        this.budget = budget;
        this.scalars = new ScalarEquivalence(budget);
    }

    boolean equivalent(MathAnswer a, MathAnswer b) {
        budget.tick();
        MathAnswer va = a instanceof Relation ra ? assignedValue(ra) : null;
        MathAnswer vb = b instanceof Relation rb ? assignedValue(rb) : null;
        if (va != null && !(b instanceof Relation)) {
            return equivalent(va, b);
        }
        if (vb != null && !(a instanceof Relation)) {
            return equivalent(a, vb);
        }
        MathAnswer ia = a instanceof Relation ra && b instanceof Bracketed ? asInterval(ra) : null;
        MathAnswer ib = b instanceof Relation rb && a instanceof Bracketed ? asInterval(rb) : null;
        if (ia != null || ib != null) {
            return equivalent(ia != null ? ia : a, ib != null ? ib : b);
        }
        if (a instanceof Relation ra && b instanceof Relation rb) {
            return va != null && vb != null && equivalent(va, vb) || relations(ra, rb);
        }
        if (a instanceof Scalar sa && b instanceof Scalar sb) {
            return scalars.equivalent(sa, sb);
        }
        if (a instanceof Bracketed ba && b instanceof Bracketed bb) {
            return ba.open() == bb.open() && ba.close() == bb.close() && inOrder(ba.items(), bb.items());
        }
        if (a instanceof SetOf sa && b instanceof SetOf sb) {
            return anyOrder(sa.items(), sb.items());
        }
        if (a instanceof Union ua && b instanceof Union ub) {
            return anyOrder(ua.parts(), ub.parts());
        }
        if (a instanceof Matrix ma && b instanceof Matrix mb) {
            return matrices(ma, mb);
        }
        if (a instanceof Text ta && b instanceof Text tb) {
            return ta.key().equals(tb.key());
        }
        return a instanceof Choice ca && b instanceof Choice cb && ca.letter() == cb.letter();
    }

    /** The value of {@code x = v} or {@code (x, y) = (1, 2)} (either way round), or null when not an assignment. */
    static MathAnswer assignedValue(Relation r) {
        if (r.op() != RelOp.EQ) {
            return null;
        }
        if (onlyVariables(r.lhs()) && !onlyVariables(r.rhs())) {
            return r.rhs();
        }
        if (onlyVariables(r.rhs()) && !onlyVariables(r.lhs())) {
            return r.lhs();
        }
        return onlyVariables(r.lhs()) ? r.rhs() : null;
    }

    /** {@code x > c} as the interval {@code (c, \infty)}, {@code x \le c} as {@code (-\infty, c]}; null for anything else. */
    static MathAnswer asInterval(Relation r) {
        Relation n = facingLess(r);
        if (n.op() != RelOp.LT && n.op() != RelOp.LE) {
            return null;
        }
        boolean varOnLeft = n.lhs() instanceof Scalar l && l.expr() instanceof Expr.Var && n.rhs() instanceof Scalar;
        boolean varOnRight = n.rhs() instanceof Scalar r2 && r2.expr() instanceof Expr.Var && n.lhs() instanceof Scalar;
        if (varOnLeft == varOnRight) {
            return null;
        }
        char closed = n.op() == RelOp.LE ? ']' : ')';
        Expr inf = new Expr.Constant(Expr.Const.INFINITY);
        if (varOnLeft) { // x < c
            return new Bracketed('(', closed, List.of(new Scalar(new Expr.Neg(inf), "-\\infty", null, false, null), n.rhs()));
        }
        return new Bracketed(closed == ']' ? '[' : '(', ')', List.of(n.lhs(), new Scalar(inf, "\\infty", null, false, null)));
    }

    private static boolean onlyVariables(MathAnswer a) {
        if (a instanceof Scalar s) {
            return s.expr() instanceof Expr.Var;
        }
        return a instanceof Bracketed b && b.items().stream().allMatch(Equivalence::onlyVariables);
    }

    private boolean relations(Relation a, Relation b) {
        if (!(a.lhs() instanceof Scalar) || !(a.rhs() instanceof Scalar) || !(b.lhs() instanceof Scalar) || !(b.rhs() instanceof Scalar)) {
            return false;
        }
        Relation na = facingLess(a);
        Relation nb = facingLess(b);
        if (na.op() != nb.op()) {
            return false;
        }
        boolean inequality = na.op() == RelOp.LT || na.op() == RelOp.LE;
        return scalars.proportional(difference(na), difference(nb), inequality);
    }

    private static Relation facingLess(Relation r) {
        return switch (r.op()) {
            case GT -> new Relation(r.rhs(), RelOp.LT, r.lhs());
            case GE -> new Relation(r.rhs(), RelOp.LE, r.lhs());
            default -> r;
        };
    }

    private static Expr difference(Relation r) {
        return new Expr.Sum(List.of(((Scalar) r.lhs()).expr(), new Expr.Neg(((Scalar) r.rhs()).expr())));
    }

    private boolean inOrder(List<MathAnswer> a, List<MathAnswer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equivalent(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Greedy matching; equivalence within one answer's elements is transitive enough for answer sets. */
    private boolean anyOrder(List<MathAnswer> a, List<MathAnswer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        boolean[] used = new boolean[b.size()];
        outer:
        for (MathAnswer x : a) {
            for (int j = 0; j < b.size(); j++) {
                if (!used[j] && equivalent(x, b.get(j))) {
                    used[j] = true;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private boolean matrices(Matrix a, Matrix b) {
        if (a.rows().size() != b.rows().size()) {
            return false;
        }
        for (int i = 0; i < a.rows().size(); i++) {
            if (!inOrder(a.rows().get(i), b.rows().get(i))) {
                return false;
            }
        }
        return true;
    }
}
