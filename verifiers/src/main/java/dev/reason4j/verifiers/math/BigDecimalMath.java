package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Elementary functions on {@link BigDecimal} to a given precision, by range reduction and Taylor
 * series. Each returns null outside its real domain or beyond {@link #MAX_EXP_ARGUMENT}, and ticks
 * the budget in every series loop. π and ln 2 are computed once per precision.
 */
final class BigDecimalMath {

    /** exp(3000) ≈ 10^1302: larger magnitudes are left to double precision. */
    static final double MAX_EXP_ARGUMENT = 3000;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final Map<Integer, BigDecimal> PI = new ConcurrentHashMap<>();
    private static final Map<Integer, BigDecimal> LN2 = new ConcurrentHashMap<>();

    private BigDecimalMath() {
    }

    static BigDecimal pi(MathContext mc) {
        return PI.computeIfAbsent(mc.getPrecision(), digits -> {
            MathContext m = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
            BigDecimal a = atanSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(5), m), m, null);
            BigDecimal b = atanSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(239), m), m, null);
            return a.multiply(BigDecimal.valueOf(16), m).subtract(b.multiply(BigDecimal.valueOf(4), m), mc); // Machin
        });
    }

    private static BigDecimal ln2(MathContext mc) {
        return LN2.computeIfAbsent(mc.getPrecision(), digits -> lnBySquareRoots(TWO, mc, null));
    }

    static BigDecimal exp(BigDecimal x, MathContext mc, Budget budget) {
        if (Math.abs(x.doubleValue()) > MAX_EXP_ARGUMENT) {
            return null;
        }
        // x = k ln 2 + r with |r| <= ln 2 / 2, then exp(x) = 2^k exp(r)
        BigDecimal ln2 = ln2(mc);
        BigDecimal k = x.divide(ln2, mc).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = x.subtract(k.multiply(ln2, mc), mc);
        BigDecimal epsilon = epsilon(mc);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            tick(budget);
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
        }
        return sum.multiply(TWO.pow(k.intValueExact(), mc), mc);
    }

    /** Natural log of a positive number. */
    static BigDecimal ln(BigDecimal x, MathContext mc, Budget budget) {
        return x.signum() <= 0 ? null : lnBySquareRoots(x, mc, budget);
    }

    /** Square roots bring x near 1 (each costs a bit of precision, so work with more), then the atanh series. */
    private static BigDecimal lnBySquareRoots(BigDecimal x, MathContext mc, Budget budget) {
        MathContext m = new MathContext(mc.getPrecision() + 20, RoundingMode.HALF_EVEN);
        int halvings = 0;
        BigDecimal threshold = new BigDecimal("0.001");
        while (x.subtract(BigDecimal.ONE).abs().compareTo(threshold) > 0 && halvings < 400) {
            tick(budget);
            x = x.sqrt(m);
            halvings++;
        }
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), m);
        BigDecimal z2 = z.multiply(z, m);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = epsilon(m);
        for (int n = 1; power.abs().compareTo(epsilon) > 0; n += 2) {
            tick(budget);
            sum = sum.add(power.divide(BigDecimal.valueOf(n), m), m);
            power = power.multiply(z2, m);
        }
        return sum.multiply(TWO, m).multiply(TWO.pow(halvings), mc);
    }

    static BigDecimal sin(BigDecimal x, MathContext mc, Budget budget) {
        return sinOrCos(reduce(x, mc), mc, budget, true);
    }

    static BigDecimal cos(BigDecimal x, MathContext mc, Budget budget) {
        return sinOrCos(reduce(x, mc), mc, budget, false);
    }

    /** x - 2πk with the result in [-π, π]; null for arguments too large to reduce meaningfully. */
    private static BigDecimal reduce(BigDecimal x, MathContext mc) {
        if (Math.abs(x.doubleValue()) > 1e30) {
            return null;
        }
        BigDecimal twoPi = pi(mc).multiply(TWO, mc);
        BigDecimal k = x.divide(twoPi, mc).setScale(0, RoundingMode.HALF_EVEN);
        return x.subtract(k.multiply(twoPi, mc), mc);
    }

    private static BigDecimal sinOrCos(BigDecimal x, MathContext mc, Budget budget, boolean sine) {
        if (x == null) {
            return null;
        }
        BigDecimal term = sine ? x : BigDecimal.ONE;
        BigDecimal sum = term;
        BigDecimal x2 = x.multiply(x, mc).negate();
        BigDecimal epsilon = epsilon(mc);
        for (int n = sine ? 2 : 1; term.abs().compareTo(epsilon) > 0; n += 2) {
            tick(budget);
            term = term.multiply(x2, mc).divide(BigDecimal.valueOf((long) n * (n + 1)), mc);
            sum = sum.add(term, mc);
        }
        return sum;
    }

    static BigDecimal atan(BigDecimal x, MathContext mc, Budget budget) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal a = pi(mc).divide(TWO, mc).subtract(atan(BigDecimal.ONE.divide(x.abs(), mc), mc, budget), mc);
            return x.signum() < 0 ? a.negate() : a;
        }
        // atan x = 2 atan(x / (1 + sqrt(1 + x^2))), three times: |x| <= 0.13
        BigDecimal y = x;
        for (int i = 0; i < 3; i++) {
            y = y.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(y.multiply(y, mc)).sqrt(mc)), mc);
        }
        return atanSeries(y, mc, budget).multiply(BigDecimal.valueOf(8), mc);
    }

    private static BigDecimal atanSeries(BigDecimal x, MathContext mc, Budget budget) {
        BigDecimal x2 = x.multiply(x, mc).negate();
        BigDecimal power = x;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = epsilon(mc);
        for (int n = 1; power.abs().compareTo(epsilon) > 0; n += 2) {
            tick(budget);
            sum = sum.add(power.divide(BigDecimal.valueOf(n), mc), mc);
            power = power.multiply(x2, mc);
        }
        return sum;
    }

    static BigDecimal asin(BigDecimal x, MathContext mc, Budget budget) {
        int c = x.abs().compareTo(BigDecimal.ONE);
        if (c > 0) {
            return null;
        }
        if (c == 0) {
            BigDecimal halfPi = pi(mc).divide(TWO, mc);
            return x.signum() < 0 ? halfPi.negate() : halfPi;
        }
        return atan(x.divide(BigDecimal.ONE.subtract(x.multiply(x, mc), mc).sqrt(mc), mc), mc, budget);
    }

    /** Series stop once a term is this small: ten digits below the working precision. */
    private static BigDecimal epsilon(MathContext mc) {
        return BigDecimal.ONE.movePointLeft(mc.getPrecision() + 10);
    }

    private static void tick(Budget budget) {
        if (budget != null) {
            budget.tick();
        }
    }
}
