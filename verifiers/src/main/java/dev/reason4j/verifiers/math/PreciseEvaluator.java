package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a real constant expression to about 80 significant digits, so that comparing two
 * irrational constants needs no tolerance a model could hide in: doubles cannot tell
 * {@code 2^{50}\sqrt 2} from {@code 2^{50}\sqrt 2 + 1}, this can. Returns null when the expression
 * is not a real constant it can evaluate (variables, {@code i}, a complex intermediate, a
 * magnitude past {@code e^{3000}}); callers then fall back to double precision.
 */
final class PreciseEvaluator {

    private static final MathContext MC = BigDecimalMath.MC;
    private static final int MAX_INTEGER_POWER = 10_000;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e1300");

    private final Budget budget;

    private PreciseEvaluator(Budget budget) {
        this.budget = budget;
    }

    static BigDecimal value(Expr e, Budget budget) {
        try {
            return new PreciseEvaluator(budget).eval(e);
        } catch (ArithmeticException notReal) {
            return null;
        }
    }

    private BigDecimal eval(Expr e) {
        budget.tick();
        BigDecimal v = evalNode(e);
        return v == null || v.abs().compareTo(MAX_MAGNITUDE) > 0 ? null : v;
    }

    private BigDecimal evalNode(Expr e) {
        if (e instanceof Expr.Num n) {
            return new BigDecimal(n.value().numerator()).divide(new BigDecimal(n.value().denominator()), MC);
        }
        if (e instanceof Expr.Constant c) {
            return switch (c.which()) {
                case PI -> BigDecimalMath.pi();
                case E -> BigDecimalMath.exp(BigDecimal.ONE, budget);
                default -> null;
            };
        }
        if (e instanceof Expr.Sum s) {
            return fold(s.terms(), true);
        }
        if (e instanceof Expr.Product p) {
            return fold(p.factors(), false);
        }
        if (e instanceof Expr.Neg n) {
            BigDecimal v = eval(n.arg());
            return v == null ? null : v.negate();
        }
        if (e instanceof Expr.Recip r) {
            BigDecimal v = eval(r.arg());
            return v == null || v.signum() == 0 ? null : BigDecimal.ONE.divide(v, MC);
        }
        if (e instanceof Expr.Power p) {
            return power(eval(p.base()), eval(p.exponent()));
        }
        if (e instanceof Expr.Root r) {
            return root(eval(r.index()), eval(r.arg()));
        }
        if (e instanceof Expr.Log l) {
            BigDecimal arg = eval(l.arg());
            BigDecimal ln = arg == null ? null : BigDecimalMath.ln(arg, budget);
            if (l.base() == null || ln == null) {
                return ln;
            }
            BigDecimal base = eval(l.base());
            BigDecimal lnBase = base == null ? null : BigDecimalMath.ln(base, budget);
            return lnBase == null || lnBase.signum() == 0 ? null : ln.divide(lnBase, MC);
        }
        if (e instanceof Expr.Call c) {
            BigDecimal arg = eval(c.arg());
            return arg == null ? null : PreciseFunctions.call(c.fn(), arg, budget);
        }
        return exactInteger(e); // Factorial, Binomial: exact when their arguments are integers; Var: null
    }

    private BigDecimal fold(List<Expr> children, boolean add) {
        List<BigDecimal> values = new ArrayList<>(children.size());
        for (Expr child : children) {
            BigDecimal v = eval(child);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        BigDecimal acc = add ? BigDecimal.ZERO : BigDecimal.ONE;
        for (BigDecimal v : values) {
            acc = add ? acc.add(v, MC) : acc.multiply(v, MC);
            if (acc.abs().compareTo(MAX_MAGNITUDE) > 0) {
                return null;
            }
        }
        return acc;
    }

    private BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base == null || exponent == null) {
            return null;
        }
        BigInteger n = integerValue(exponent);
        if (n != null && n.abs().compareTo(BigInteger.valueOf(MAX_INTEGER_POWER)) <= 0) {
            if (base.signum() == 0) {
                return n.signum() > 0 ? BigDecimal.ZERO : n.signum() == 0 ? BigDecimal.ONE : null;
            }
            double magnitude = n.doubleValue() * Math.log10(Math.abs(base.doubleValue()));
            return Double.isFinite(magnitude) && Math.abs(magnitude) < 1300 ? base.pow(n.intValue(), MC) : null;
        }
        if (base.signum() <= 0) {
            return null; // a fractional power of a negative number is complex
        }
        BigDecimal ln = BigDecimalMath.ln(base, budget);
        return ln == null ? null : BigDecimalMath.exp(exponent.multiply(ln, MC), budget);
    }

    private BigDecimal root(BigDecimal index, BigDecimal arg) {
        BigInteger n = index == null ? null : integerValue(index);
        if (n == null || arg == null || n.signum() <= 0 || n.bitLength() > 16) {
            return null;
        }
        if (arg.signum() < 0) {
            BigDecimal r = n.testBit(0) ? root(index, arg.negate()) : null;
            return r == null ? null : r.negate();
        }
        if (arg.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (n.intValue() == 2) {
            return arg.sqrt(MC);
        }
        BigDecimal ln = BigDecimalMath.ln(arg, budget);
        return BigDecimalMath.exp(ln.divide(new BigDecimal(n), MC), budget);
    }

    /** Factorials and binomials of integers, through the exact evaluator and its caps. */
    private BigDecimal exactInteger(Expr e) {
        if (!(e instanceof Expr.Factorial) && !(e instanceof Expr.Binomial)) {
            return null;
        }
        try {
            BigRational r = ExactEvaluator.value(e, budget);
            return r == null ? null : new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MC);
        } catch (UndefinedValueException undefined) {
            return null;
        }
    }

    /** The integer a value is, when it is one to within rounding of the working precision. */
    static BigInteger integerValue(BigDecimal v) {
        BigDecimal rounded = v.setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal slack = v.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-60"));
        return v.subtract(rounded).abs().compareTo(slack) <= 0 ? rounded.toBigIntegerExact() : null;
    }
}
