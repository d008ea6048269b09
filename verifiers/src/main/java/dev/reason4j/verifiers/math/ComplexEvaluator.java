package dev.reason4j.verifiers.math;

import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.special.Gamma;

/**
 * The value of an expression at one point, in double-precision complex arithmetic with principal
 * branches (so {@code \sqrt{x^2}} equals {@code x} exactly where {@code Re x > 0}). Never blows up:
 * an overflow is an infinity and an undefined operation is NaN, both reported as "undefined here"
 * by {@link #isDefined(Complex)}.
 */
final class ComplexEvaluator {

    /** Integer powers up to this size are multiplied out: more accurate than exp(n log z). */
    private static final int MAX_REPEATED_POWER = 1024;
    /** 171! overflows a double. */
    private static final int MAX_DOUBLE_FACTORIAL = 170;
    private static final int MAX_BINOMIAL_K = 1000;
    private static final double INTEGER_SLACK = 1e-9;

    private final Map<String, Complex> point;
    private final Budget budget;

    private ComplexEvaluator(Map<String, Complex> point, Budget budget) {
        this.point = point;
        this.budget = budget;
    }

    static Complex value(Expr e, Map<String, Complex> point, Budget budget) {
        return new ComplexEvaluator(point, budget).eval(e);
    }

    static boolean isDefined(Complex z) {
        return !z.isNaN() && !z.isInfinite();
    }

    private Complex eval(Expr e) {
        budget.tick();
        if (e instanceof Expr.Num n) {
            return new Complex(n.value().toDouble());
        }
        if (e instanceof Expr.Var v) {
            Complex z = point.get(v.name());
            return z == null ? Complex.NaN : z;
        }
        if (e instanceof Expr.Constant c) {
            return switch (c.which()) {
                case PI -> new Complex(Math.PI);
                case E -> new Complex(Math.E);
                case I -> Complex.I;
                case INFINITY -> Complex.NaN;
            };
        }
        if (e instanceof Expr.Sum s) {
            Complex acc = Complex.ZERO;
            for (Expr t : s.terms()) {
                acc = acc.add(eval(t));
            }
            return acc;
        }
        if (e instanceof Expr.Product p) {
            Complex acc = Complex.ONE;
            for (Expr f : p.factors()) {
                acc = acc.multiply(eval(f));
            }
            return acc;
        }
        if (e instanceof Expr.Neg n) {
            return eval(n.arg()).negate();
        }
        if (e instanceof Expr.Recip r) {
            Complex v = eval(r.arg());
            return v.equals(Complex.ZERO) ? Complex.NaN : Complex.ONE.divide(v);
        }
        return evalFunction(e);
    }

    private Complex evalFunction(Expr e) {
        if (e instanceof Expr.Power p) {
            return power(unsignedZeros(eval(p.base())), eval(p.exponent()));
        }
        if (e instanceof Expr.Root r) {
            return root(eval(r.index()), unsignedZeros(eval(r.arg())));
        }
        if (e instanceof Expr.Call c) {
            return call(c.fn(), unsignedZeros(eval(c.arg())));
        }
        if (e instanceof Expr.Log l) {
            Complex arg = unsignedZeros(eval(l.arg()));
            if (arg.equals(Complex.ZERO)) {
                return Complex.NaN;
            }
            if (l.base() == null) {
                return arg.log();
            }
            Complex logBase = unsignedZeros(eval(l.base())).log();
            return logBase.abs() == 0 || !isDefined(logBase) ? Complex.NaN : arg.log().divide(logBase);
        }
        if (e instanceof Expr.Factorial f) {
            Complex z = eval(f.arg());
            Long n = smallNonNegativeInteger(z, MAX_DOUBLE_FACTORIAL);
            return n != null ? new Complex(factorial(n)) : realGamma(z, 1);
        }
        if (e instanceof Expr.Binomial b) {
            return binomial(eval(b.n()), eval(b.k()));
        }
        throw new IllegalStateException("unknown expression node " + e.getClass().getSimpleName());
    }

    /**
     * Negating a real number leaves an imaginary part of -0.0, which puts it on the wrong side of a
     * branch cut ({@code \sqrt{-1}} would be {@code -i}). Values on the negative real axis take the
     * principal branch's side, as in SymPy.
     */
    private static Complex unsignedZeros(Complex z) {
        return new Complex(z.getReal() + 0.0, z.getImaginary() + 0.0);
    }

    private Complex power(Complex base, Complex exponent) {
        Long n = integer(exponent);
        if (n != null && Math.abs(n) <= MAX_REPEATED_POWER) {
            if (base.equals(Complex.ZERO)) {
                return n < 0 ? Complex.NaN : n == 0 ? Complex.ONE : Complex.ZERO;
            }
            Complex acc = Complex.ONE;
            Complex b = n < 0 ? Complex.ONE.divide(base) : base;
            for (long k = Math.abs(n); k > 0; k >>= 1) {
                if ((k & 1) == 1) {
                    acc = acc.multiply(b);
                }
                b = b.multiply(b);
            }
            return acc;
        }
        if (base.equals(Complex.ZERO)) {
            return exponent.getReal() > 0 ? Complex.ZERO : Complex.NaN;
        }
        return base.pow(exponent);
    }

    private static Complex root(Complex index, Complex arg) {
        Long n = integer(index);
        if (n != null && n % 2 != 0 && isReal(arg) && arg.getReal() < 0) {
            return new Complex(-Math.pow(-arg.getReal(), 1.0 / n));
        }
        if (n != null && n == 2) {
            return arg.sqrt();
        }
        if (arg.equals(Complex.ZERO)) {
            return index.getReal() > 0 ? Complex.ZERO : Complex.NaN;
        }
        return arg.pow(Complex.ONE.divide(index));
    }

    private static Complex call(Expr.Fn fn, Complex z) {
        return switch (fn) {
            case SIN -> z.sin();
            case COS -> z.cos();
            case TAN -> z.tan();
            case SEC -> Complex.ONE.divide(z.cos());
            case CSC -> Complex.ONE.divide(z.sin());
            case COT -> Complex.ONE.divide(z.tan());
            case ASIN -> z.asin();
            case ACOS -> z.acos();
            case ATAN -> z.atan();
            case SINH -> z.sinh();
            case COSH -> z.cosh();
            case TANH -> z.tanh();
            case EXP -> z.exp();
            case ABS -> new Complex(z.abs());
            case FLOOR -> isReal(z) ? new Complex(Math.floor(z.getReal())) : Complex.NaN;
            case CEIL -> isReal(z) ? new Complex(Math.ceil(z.getReal())) : Complex.NaN;
        };
    }

    private Complex binomial(Complex n, Complex k) {
        Long kk = smallNonNegativeInteger(k, MAX_BINOMIAL_K);
        if (kk == null) {
            Complex denominator = realGamma(k, 1).multiply(realGamma(n.subtract(k), 1));
            return realGamma(n, 1).divide(denominator);
        }
        Complex acc = Complex.ONE;
        for (long j = 0; j < kk; j++) {
            budget.tick();
            acc = acc.multiply(n.subtract(j)).divide(j + 1);
        }
        return acc;
    }

    /** Γ(x + shift) for real x, so that n! and binomials with a variable can be sampled at real points; NaN off the real line and at poles. */
    private static Complex realGamma(Complex z, int shift) {
        if (!isReal(z) || !Double.isFinite(z.getReal())) {
            return Complex.NaN;
        }
        double x = z.getReal() + shift;
        if (x <= 0 && x == Math.rint(x)) {
            return Complex.NaN;
        }
        return new Complex(Gamma.gamma(x));
    }

    private static double factorial(long n) {
        double acc = 1;
        for (long i = 2; i <= n; i++) {
            acc *= i;
        }
        return acc;
    }

    private static Long smallNonNegativeInteger(Complex z, long max) {
        Long n = integer(z);
        return n != null && n >= 0 && n <= max ? n : null;
    }

    /** The integer z is (within floating-point slack), or null. */
    private static Long integer(Complex z) {
        if (!isReal(z) || !Double.isFinite(z.getReal()) || Math.abs(z.getReal()) > 1e15) {
            return null;
        }
        double r = Math.rint(z.getReal());
        return Math.abs(z.getReal() - r) <= INTEGER_SLACK ? (long) r : null;
    }

    private static boolean isReal(Complex z) {
        return Math.abs(z.getImaginary()) <= INTEGER_SLACK * Math.max(1, Math.abs(z.getReal()));
    }
}
