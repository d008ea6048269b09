package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.MathContext;

/** {@link Expr.Fn} on real {@link BigDecimal}s for {@link PreciseEvaluator}; null outside the real domain. */
final class PreciseFunctions {

    private static final MathContext MC = BigDecimalMath.MC;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private PreciseFunctions() {
    }

    static BigDecimal call(Expr.Fn fn, BigDecimal x, Budget budget) {
        return switch (fn) {
            case SIN -> BigDecimalMath.sin(x, budget);
            case COS -> BigDecimalMath.cos(x, budget);
            case TAN -> divide(BigDecimalMath.sin(x, budget), BigDecimalMath.cos(x, budget));
            case SEC -> divide(BigDecimal.ONE, BigDecimalMath.cos(x, budget));
            case CSC -> divide(BigDecimal.ONE, BigDecimalMath.sin(x, budget));
            case COT -> divide(BigDecimalMath.cos(x, budget), BigDecimalMath.sin(x, budget));
            case ASIN -> BigDecimalMath.asin(x, budget);
            case ACOS -> subtract(BigDecimalMath.pi().divide(TWO, MC), BigDecimalMath.asin(x, budget));
            case ATAN -> BigDecimalMath.atan(x, budget);
            case SINH -> hyperbolic(x, budget, -1);
            case COSH -> hyperbolic(x, budget, 1);
            case TANH -> divide(hyperbolic(x, budget, -1), hyperbolic(x, budget, 1));
            case EXP -> BigDecimalMath.exp(x, budget);
            case ABS -> x.abs();
            case FLOOR -> x.setScale(0, java.math.RoundingMode.FLOOR);
            case CEIL -> x.setScale(0, java.math.RoundingMode.CEILING);
        };
    }

    /** (e^x + sign e^{-x}) / 2. */
    private static BigDecimal hyperbolic(BigDecimal x, Budget budget, int sign) {
        BigDecimal a = BigDecimalMath.exp(x, budget);
        BigDecimal b = BigDecimalMath.exp(x.negate(), budget);
        return a == null || b == null ? null : a.add(b.multiply(BigDecimal.valueOf(sign)), MC).divide(TWO, MC);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a == null || b == null || b.signum() == 0 ? null : a.divide(b, MC);
    }

    private static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b, MC);
    }
}
