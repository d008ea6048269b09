package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The value of a real expression to about 80 significant digits (variables set to given reals),
 * so that comparing two irrational values needs no tolerance a model could hide in: doubles cannot
 * tell {@code 2^{50}\sqrt 2} from {@code 2^{50}\sqrt 2 + 1}, this can. Returns null when the
 * expression is not a real it can evaluate ({@code i}, a complex intermediate, a magnitude past
 * {@code e^{3000}}); callers then fall back to double precision.
 */
final class PreciseEvaluator {

    /** Digits kept beyond the largest magnitude met, so a difference of 1e-50 still shows. */
    private static final int BASE_DIGITS = 80;
    /** Precision grows in steps, so the per-precision caches of π and ln 2 stay small. */
    private static final int DIGIT_STEP = 50;
    private static final int MAX_INTEGER_POWER = 10_000;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e1300");

    private final Budget budget;
    private final Map<String, BigRational> point;
    private final MathContext mc;
    private int maxMagnitude;

    private PreciseEvaluator(Budget budget, Map<String, BigRational> point, int digits) {
        this.budget = budget;
        this.point = point;
        this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    static BigDecimal value(Expr e, Budget budget) {
        return valueAt(e, budget, Map.of());
    }

    /**
     * The value with each variable set to a rational; null where that is not a real it can
     * evaluate. Evaluated once at 80 digits, and again with 80 digits more than the largest
     * intermediate magnitude when that exceeds 1, so {@code e^{2e^5} - 1} (about 10^129) is not
     * {@code e^{2e^5}} and {@code e^{1000} - e^{1000} + 1} is 1.
     */
    static BigDecimal valueAt(Expr e, Budget budget, Map<String, BigRational> point) {
        PreciseEvaluator first = new PreciseEvaluator(budget, point, BASE_DIGITS);
        BigDecimal v = first.run(e);
        if (v == null || first.maxMagnitude <= 0) {
            return v;
        }
        int extra = (first.maxMagnitude + DIGIT_STEP - 1) / DIGIT_STEP * DIGIT_STEP;
        return new PreciseEvaluator(budget, point, BASE_DIGITS + extra).run(e);
    }

    private BigDecimal run(Expr e) {
        try {
            return eval(e);
        } catch (ArithmeticException notReal) {
            return null;
        }
    }

    private BigDecimal eval(Expr e) {
        budget.tick();
        BigDecimal v = evalNode(e);
        if (v == null || v.abs().compareTo(MAX_MAGNITUDE) > 0) {
            return null;
        }
        if (v.signum() != 0) {
            maxMagnitude = Math.max(maxMagnitude, v.precision() - v.scale() - 1);
        }
        return v;
    }

    private BigDecimal evalNode(Expr e) {
        if (e instanceof Expr.Num n) {
            return decimal(n.value());
        }
        if (e instanceof Expr.Constant c) {
            return switch (c.which()) {
                case PI -> BigDecimalMath.pi(mc);
                case E -> BigDecimalMath.exp(BigDecimal.ONE, mc, budget);
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
            return v == null || v.signum() == 0 ? null : BigDecimal.ONE.divide(v, mc);
        }
        if (e instanceof Expr.Power p) {
            return power(eval(p.base()), eval(p.exponent()));
        }
        if (e instanceof Expr.Root r) {
            return root(eval(r.index()), eval(r.arg()));
        }
        if (e instanceof Expr.Log l) {
            return log(l);
        }
        if (e instanceof Expr.Call c) {
            BigDecimal arg = eval(c.arg());
            return arg == null ? null : PreciseFunctions.call(c.fn(), arg, mc, budget);
        }
        if (e instanceof Expr.Var v) {
            BigRational r = point.get(v.name());
            return r == null ? null : decimal(r);
        }
        return exactInteger(e); // Factorial, Binomial: exact when their arguments are integers
    }

    private BigDecimal log(Expr.Log l) {
        BigDecimal arg = eval(l.arg());
        BigDecimal ln = arg == null ? null : BigDecimalMath.ln(arg, mc, budget);
        if (l.base() == null || ln == null) {
            return ln;
        }
        BigDecimal base = eval(l.base());
        BigDecimal lnBase = base == null ? null : BigDecimalMath.ln(base, mc, budget);
        return lnBase == null || lnBase.signum() == 0 ? null : ln.divide(lnBase, mc);
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
            acc = add ? acc.add(v, mc) : acc.multiply(v, mc);
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
            return Double.isFinite(magnitude) && Math.abs(magnitude) < 1300 ? base.pow(n.intValue(), mc) : null;
        }
        if (base.signum() <= 0) {
            return null; // a fractional power of a negative number is complex
        }
        BigDecimal ln = BigDecimalMath.ln(base, mc, budget);
        return ln == null ? null : BigDecimalMath.exp(exponent.multiply(ln, mc), mc, budget);
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
            return arg.sqrt(mc);
        }
        BigDecimal ln = BigDecimalMath.ln(arg, mc, budget);
        return BigDecimalMath.exp(ln.divide(new BigDecimal(n), mc), mc, budget);
    }

    private BigDecimal decimal(BigRational r) {
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), mc);
    }

    /** Factorials and binomials of integers, through the exact evaluator and its caps. */
    private BigDecimal exactInteger(Expr e) {
        if (!(e instanceof Expr.Factorial) && !(e instanceof Expr.Binomial)) {
            return null;
        }
        try {
            BigRational r = ExactEvaluator.value(e, budget);
            return r == null ? null : decimal(r);
        } catch (UndefinedValueException undefined) {
            return null;
        }
    }

    /** The integer a value is, when it is one to within rounding of the working precision. */
    private BigInteger integerValue(BigDecimal v) {
        BigDecimal rounded = v.setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal slack = v.abs().max(BigDecimal.ONE).movePointLeft(mc.getPrecision() - 20);
        return v.subtract(rounded).abs().compareTo(slack) <= 0 ? rounded.toBigIntegerExact() : null;
    }
}
