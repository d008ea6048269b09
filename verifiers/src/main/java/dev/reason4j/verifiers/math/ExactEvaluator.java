package dev.reason4j.verifiers.math;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact rational value of a constant expression, or {@code null} when it is not provably
 * rational here (it mentions π, e, i, a variable, a trig function, or a root that is not perfect).
 *
 * <p>Every result is size-checked: an integer exponent above {@link MathVerifierConfig#maxExponent()},
 * a result above {@link MathVerifierConfig#maxResultBits()} bits, or a factorial / binomial above
 * {@link MathVerifierConfig#maxFactorial()} throws {@link LimitExceededException} before the
 * BigInteger work is done, so {@code 2^{2^{2^{40}}}} costs microseconds. Division by zero and
 * friends throw {@link UndefinedValueException}.
 */
final class ExactEvaluator {

    /** Roots of numbers larger than this are left to floating point (exact root search costs too much). */
    private static final int MAX_ROOT_BITS = 4096;
    /** A binomial of a fraction grows a long numerator and denominator per factor: past this, sample instead. */
    private static final int MAX_BINOMIAL_K_AT_POINT = 64;

    private final Budget budget;
    private final MathVerifierConfig config;
    private final Map<String, BigRational> point;

    private ExactEvaluator(Budget budget, Map<String, BigRational> point) {
        this.budget = budget;
        this.config = budget.config();
        this.point = point;
    }

    static BigRational value(Expr e, Budget budget) {
        return new ExactEvaluator(budget, null).eval(e);
    }

    /**
     * The exact value with each variable set to a rational, for comparing rational functions
     * exactly; null when some part is not rational there. Non-analytic functions ({@code |x|},
     * floor, ceiling) are left to complex sampling, which can tell {@code |x|} from {@code x};
     * a size cap at a sample point means "not exactly here", not a wrong answer.
     */
    static BigRational valueAt(Expr e, Budget budget, Map<String, BigRational> point) {
        try {
            return new ExactEvaluator(budget, point).eval(e);
        } catch (TooLargeAtPoint tooLarge) {
            return null;
        }
    }

    /** A size cap hit while evaluating at a sample point. */
    private static final class TooLargeAtPoint extends RuntimeException {
        TooLargeAtPoint() {
            super(null, null, false, false);
        }
    }

    private RuntimeException tooLarge(String message) {
        return point != null ? new TooLargeAtPoint() : new LimitExceededException(message);
    }

    private BigRational eval(Expr e) {
        budget.tick();
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Sum s) {
            return fold(s.terms(), BigRational.ZERO, true);
        }
        if (e instanceof Expr.Product p) {
            return fold(p.factors(), BigRational.ONE, false);
        }
        if (e instanceof Expr.Neg n) {
            BigRational v = eval(n.arg());
            return v == null ? null : v.negate();
        }
        if (e instanceof Expr.Recip r) {
            BigRational v = eval(r.arg());
            if (v != null && v.signum() == 0) {
                throw new UndefinedValueException("division by zero");
            }
            return v == null ? null : BigRational.ONE.divide(v);
        }
        if (e instanceof Expr.Power p) {
            return power(eval(p.base()), eval(p.exponent()));
        }
        if (e instanceof Expr.Root r) {
            return root(eval(r.index()), eval(r.arg()));
        }
        if (e instanceof Expr.Factorial f) {
            return factorial(eval(f.arg()));
        }
        if (e instanceof Expr.Binomial b) {
            return binomial(eval(b.n()), eval(b.k()));
        }
        if (e instanceof Expr.Call c) {
            BigRational arg = eval(c.arg());
            return point != null ? null : call(c.fn(), arg);
        }
        if (e instanceof Expr.Log l) {
            return log(l.base() == null ? null : eval(l.base()), eval(l.arg()), l.base() == null);
        }
        if (e instanceof Expr.Var v && point != null) {
            return point.get(v.name());
        }
        return null; // Constant, or a variable without a point
    }

    /** Evaluates every child (so caps trigger anywhere in the tree), then combines if all are rational. */
    private BigRational fold(List<Expr> children, BigRational identity, boolean add) {
        List<BigRational> values = new ArrayList<>(children.size());
        for (Expr child : children) {
            values.add(eval(child));
        }
        BigRational acc = identity;
        for (BigRational v : values) {
            if (v == null) {
                return null;
            }
            acc = capped(add ? acc.add(v) : acc.multiply(v));
        }
        return acc;
    }

    private BigRational power(BigRational base, BigRational exponent) {
        if (base == null || exponent == null) {
            return null;
        }
        if (!exponent.isInteger()) {
            return fractionalPower(base, exponent);
        }
        BigInteger n = exponent.numerator();
        if (base.signum() == 0) {
            if (n.signum() < 0) {
                throw new UndefinedValueException("zero to a negative power");
            }
            return n.signum() == 0 ? BigRational.ONE : BigRational.ZERO;
        }
        if (base.abs().equals(BigRational.ONE)) {
            return base.signum() > 0 || !n.testBit(0) ? BigRational.ONE : base;
        }
        if (n.abs().compareTo(BigInteger.valueOf(config.maxExponent())) > 0) {
            throw tooLarge("an exponent of " + abbreviate(n) + " is above the cap of " + config.maxExponent());
        }
        int k = n.intValueExact();
        if (base.bitLength() * (long) Math.abs(k) > config.maxResultBits()) {
            throw tooLarge("a power would need more than the cap of " + config.maxResultBits() + " bits");
        }
        return capped(base.pow(k));
    }

    /** {@code b^{p/q}} is rational when b has an exact q-th root (taking real roots for odd q). */
    private BigRational fractionalPower(BigRational base, BigRational exponent) {
        BigInteger q = exponent.denominator();
        if (q.bitLength() > 16 || base.signum() < 0) {
            return null; // a negative base with a fractional exponent is the principal complex value
        }
        BigRational r = exactRoot(base, q.intValue());
        return r == null ? null : power(r, BigRational.of(exponent.numerator()));
    }

    private BigRational root(BigRational index, BigRational arg) {
        if (index == null || arg == null || !index.isInteger() || index.signum() <= 0 || index.numerator().bitLength() > 16) {
            return null;
        }
        int n = index.numerator().intValue();
        if (arg.signum() < 0) {
            if (n % 2 == 0) {
                return null;
            }
            BigRational r = exactRoot(arg.negate(), n);
            return r == null ? null : r.negate();
        }
        return exactRoot(arg, n);
    }

    private BigRational exactRoot(BigRational a, int n) {
        if (a.bitLength() > MAX_ROOT_BITS) {
            return null;
        }
        BigInteger num = integerRoot(a.numerator(), n);
        BigInteger den = integerRoot(a.denominator(), n);
        return num == null || den == null ? null : BigRational.of(num, den);
    }

    /** The exact n-th root of a non-negative integer, or null. Binary search over at most MAX_ROOT_BITS / n bits. */
    private BigInteger integerRoot(BigInteger x, int n) {
        if (n == 1 || x.signum() == 0) {
            return x;
        }
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = BigInteger.ONE.shiftLeft(x.bitLength() / n + 1);
        while (lo.compareTo(hi) < 0) {
            budget.tick();
            BigInteger mid = lo.add(hi).add(BigInteger.ONE).shiftRight(1);
            if (mid.pow(n).compareTo(x) <= 0) {
                lo = mid;
            } else {
                hi = mid.subtract(BigInteger.ONE);
            }
        }
        return lo.pow(n).equals(x) ? lo : null;
    }

    private BigRational factorial(BigRational v) {
        if (v == null || !v.isInteger()) {
            return null;
        }
        if (v.signum() < 0) {
            throw new UndefinedValueException("factorial of a negative integer");
        }
        if (v.numerator().compareTo(BigInteger.valueOf(config.maxFactorial())) > 0) {
            throw tooLarge("a factorial of " + abbreviate(v.numerator()) + " is above the cap of " + config.maxFactorial());
        }
        BigInteger acc = BigInteger.ONE;
        for (int i = 2; i <= v.numerator().intValue(); i++) {
            budget.tick();
            acc = acc.multiply(BigInteger.valueOf(i));
        }
        return capped(BigRational.of(acc));
    }

    /** Generalised binomial {@code n(n-1)...(n-k+1)/k!} for integer k; 0 for negative k or integer 0 ≤ n < k. */
    private BigRational binomial(BigRational n, BigRational k) {
        if (n == null || k == null || !k.isInteger()) {
            return null;
        }
        if (k.signum() < 0 || n.isInteger() && n.signum() >= 0 && k.compareTo(n) > 0) {
            return BigRational.ZERO;
        }
        BigRational kk = n.isInteger() && n.signum() >= 0 && n.subtract(k).compareTo(k) < 0 ? n.subtract(k) : k;
        long cap = point != null && !n.isInteger() ? MAX_BINOMIAL_K_AT_POINT : config.maxFactorial();
        if (kk.numerator().compareTo(BigInteger.valueOf(cap)) > 0) {
            throw tooLarge("a binomial with k = " + abbreviate(kk.numerator()) + " is above the cap of " + config.maxFactorial());
        }
        BigRational acc = BigRational.ONE;
        for (int j = 0; j < kk.numerator().intValue(); j++) {
            budget.tick();
            acc = capped(acc.multiply(n.subtract(BigRational.of(j))).divide(BigRational.of(j + 1)));
        }
        return acc;
    }

    private static BigRational call(Expr.Fn fn, BigRational v) {
        if (v == null) {
            return null;
        }
        return switch (fn) {
            case ABS -> v.abs();
            case FLOOR -> BigRational.of(v.floor());
            case CEIL -> BigRational.of(v.negate().floor().negate());
            default -> null;
        };
    }

    /** {@code \ln 1 = 0}; {@code \log_b x = k} when {@code b^k = x} exactly; otherwise not rational here. */
    private BigRational log(BigRational base, BigRational arg, boolean natural) {
        if (arg == null || arg.signum() <= 0) {
            return null;
        }
        if (arg.equals(BigRational.ONE)) {
            return BigRational.ZERO;
        }
        if (natural || base == null || base.signum() <= 0 || base.equals(BigRational.ONE)) {
            return null;
        }
        double k = Math.rint(Math.log(arg.toDouble()) / Math.log(base.toDouble()));
        if (!Double.isFinite(k) || Math.abs(k) > config.maxExponent() || base.bitLength() * Math.abs(k) > config.maxResultBits()) {
            return null;
        }
        return base.pow((int) k).equals(arg) ? BigRational.of((long) k) : null;
    }

    private BigRational capped(BigRational r) {
        if (r.bitLength() > config.maxResultBits()) {
            throw tooLarge("an intermediate value needs more than the cap of " + config.maxResultBits() + " bits");
        }
        return r;
    }

    private static String abbreviate(BigInteger n) {
        return n.bitLength() < 64 ? n.toString() : "about 2^" + n.bitLength();
    }
}
