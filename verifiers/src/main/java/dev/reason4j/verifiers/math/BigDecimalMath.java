package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions on {@link BigDecimal} to {@link #MC} precision, by range reduction and
 * Taylor series. Each returns null outside its real domain or beyond {@link #MAX_EXP_ARGUMENT},
 * and ticks the budget in every series loop.
 */
final class BigDecimalMath {

    /** Working precision; comparisons use far fewer digits than this. */
    static final MathContext MC = new MathContext(80, RoundingMode.HALF_EVEN);
    /** exp(3000) ≈ 10^1302: larger magnitudes are left to double precision. */
    static final double MAX_EXP_ARGUMENT = 3000;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPSILON = new BigDecimal("1e-90");
    private static final BigDecimal PI = computePi();
    private static final BigDecimal LN2 = lnBySquareRoots(BigDecimal.valueOf(2), null);

    private BigDecimalMath() {
    }

    static BigDecimal pi() {
        return PI;
    }

    static BigDecimal exp(BigDecimal x, Budget budget) {
        if (Math.abs(x.doubleValue()) > MAX_EXP_ARGUMENT) {
            return null;
        }
        // x = k ln 2 + r with |r| <= ln 2 / 2, then exp(x) = 2^k exp(r)
        BigDecimal k = x.divide(LN2, MC).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = x.subtract(k.multiply(LN2, MC), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(EPSILON) > 0; n++) {
            tick(budget);
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        return sum.multiply(TWO.pow(k.intValueExact(), MC), MC);
    }

    /** Natural log of a positive number: square roots bring it near 1, then the atanh series. */
    static BigDecimal ln(BigDecimal x, Budget budget) {
        if (x.signum() <= 0) {
            return null;
        }
        return lnBySquareRoots(x, budget);
    }

    private static BigDecimal lnBySquareRoots(BigDecimal x, Budget budget) {
        int halvings = 0;
        BigDecimal threshold = new BigDecimal("0.001");
        while (x.subtract(BigDecimal.ONE).abs().compareTo(threshold) > 0 && halvings < 400) {
            tick(budget);
            x = x.sqrt(MC);
            halvings++;
        }
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), MC);
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; power.abs().compareTo(EPSILON) > 0; n += 2) {
            tick(budget);
            sum = sum.add(power.divide(BigDecimal.valueOf(n), MC), MC);
            power = power.multiply(z2, MC);
        }
        return sum.multiply(TWO, MC).multiply(TWO.pow(halvings), MC);
    }

    static BigDecimal sin(BigDecimal x, Budget budget) {
        return sinOrCos(reduce(x), budget, true);
    }

    static BigDecimal cos(BigDecimal x, Budget budget) {
        return sinOrCos(reduce(x), budget, false);
    }

    /** x - 2πk with the result in [-π, π]; null for arguments too large to reduce meaningfully. */
    private static BigDecimal reduce(BigDecimal x) {
        if (Math.abs(x.doubleValue()) > 1e30) {
            return null;
        }
        BigDecimal twoPi = PI.multiply(TWO, MC);
        BigDecimal k = x.divide(twoPi, MC).setScale(0, RoundingMode.HALF_EVEN);
        return x.subtract(k.multiply(twoPi, MC), MC);
    }

    private static BigDecimal sinOrCos(BigDecimal x, Budget budget, boolean sine) {
        if (x == null) {
            return null;
        }
        BigDecimal term = sine ? x : BigDecimal.ONE;
        BigDecimal sum = term;
        BigDecimal x2 = x.multiply(x, MC).negate();
        for (int n = sine ? 2 : 1; term.abs().compareTo(EPSILON) > 0; n += 2) {
            tick(budget);
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf((long) n * (n + 1)), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    static BigDecimal atan(BigDecimal x, Budget budget) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal halfPi = PI.divide(TWO, MC);
            BigDecimal inner = atan(BigDecimal.ONE.divide(x.abs(), MC), budget);
            BigDecimal a = halfPi.subtract(inner, MC);
            return x.signum() < 0 ? a.negate() : a;
        }
        // atan x = 2 atan(x / (1 + sqrt(1 + x^2))), three times: |x| <= 0.13
        BigDecimal y = x;
        for (int i = 0; i < 3; i++) {
            y = y.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(y.multiply(y, MC)).sqrt(MC)), MC);
        }
        return atanSeries(y, budget).multiply(BigDecimal.valueOf(8), MC);
    }

    private static BigDecimal atanSeries(BigDecimal x, Budget budget) {
        BigDecimal x2 = x.multiply(x, MC).negate();
        BigDecimal power = x;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; power.abs().compareTo(EPSILON) > 0; n += 2) {
            tick(budget);
            sum = sum.add(power.divide(BigDecimal.valueOf(n), MC), MC);
            power = power.multiply(x2, MC);
        }
        return sum;
    }

    static BigDecimal asin(BigDecimal x, Budget budget) {
        int c = x.abs().compareTo(BigDecimal.ONE);
        if (c > 0) {
            return null;
        }
        if (c == 0) {
            BigDecimal halfPi = PI.divide(TWO, MC);
            return x.signum() < 0 ? halfPi.negate() : halfPi;
        }
        return atan(x.divide(BigDecimal.ONE.subtract(x.multiply(x, MC), MC).sqrt(MC), MC), budget);
    }

    /** Machin: π = 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal computePi() {
        BigDecimal a = atanSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(5), MC), null);
        BigDecimal b = atanSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(239), MC), null);
        return a.multiply(BigDecimal.valueOf(16), MC).subtract(b.multiply(BigDecimal.valueOf(4), MC), MC);
    }

    private static void tick(Budget budget) {
        if (budget != null) {
            budget.tick();
        }
    }
}
