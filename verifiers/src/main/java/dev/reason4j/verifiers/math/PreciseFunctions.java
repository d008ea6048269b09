package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.MathContext;

/** {@link Expr.Fn} on real {@link BigDecimal}s for {@link PreciseEvaluator}; null outside the real domain. */
final class PreciseFunctions {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private PreciseFunctions() {
    }

    static BigDecimal call(Expr.Fn fn, BigDecimal x, MathContext mc, Budget budget) {
        return switch (fn) {
            case SIN -> BigDecimalMath.sin(x, mc, budget);
            case COS -> BigDecimalMath.cos(x, mc, budget);
            case TAN -> divide(BigDecimalMath.sin(x, mc, budget), BigDecimalMath.cos(x, mc, budget), mc);
            case SEC -> divide(BigDecimal.ONE, BigDecimalMath.cos(x, mc, budget), mc);
            case CSC -> divide(BigDecimal.ONE, BigDecimalMath.sin(x, mc, budget), mc);
            case COT -> divide(BigDecimalMath.cos(x, mc, budget), BigDecimalMath.sin(x, mc, budget), mc);
            case ASIN -> BigDecimalMath.asin(x, mc, budget);
            case ACOS -> subtract(BigDecimalMath.pi(mc).divide(TWO, mc), BigDecimalMath.asin(x, mc, budget), mc);
            case ATAN -> BigDecimalMath.atan(x, mc, budget);
            case SINH -> hyperbolic(x, mc, budget, -1);
            case COSH -> hyperbolic(x, mc, budget, 1);
            case TANH -> divide(hyperbolic(x, mc, budget, -1), hyperbolic(x, mc, budget, 1), mc);
            case EXP -> BigDecimalMath.exp(x, mc, budget);
            case ABS -> x.abs();
            case FLOOR -> x.setScale(0, java.math.RoundingMode.FLOOR);
            case CEIL -> x.setScale(0, java.math.RoundingMode.CEILING);
        };
    }

    /** (e^x + sign e^{-x}) / 2. */
    private static BigDecimal hyperbolic(BigDecimal x, MathContext mc, Budget budget, int sign) {
        BigDecimal a = BigDecimalMath.exp(x, mc, budget);
        BigDecimal b = BigDecimalMath.exp(x.negate(), mc, budget);
        return a == null || b == null ? null : a.add(b.multiply(BigDecimal.valueOf(sign)), mc).divide(TWO, mc);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b, MathContext mc) {
        return a == null || b == null || b.signum() == 0 ? null : a.divide(b, mc);
    }

    private static BigDecimal subtract(BigDecimal a, BigDecimal b, MathContext mc) {
        return a == null || b == null ? null : a.subtract(b, mc);
    }
}
