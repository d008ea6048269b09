package dev.reason4j.verifiers.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * An exact rational number {@code numerator / denominator} in lowest terms with a positive
 * denominator. Immutable; equality is value equality ({@code 2/4} equals {@code 1/2}).
 *
 * <p>This type does no size checking of its own: callers that evaluate untrusted input bound the
 * operands (see {@link ExactEvaluator}) before calling {@link #pow(int)}.
 */
public final class BigRational implements Comparable<BigRational> {

    public static final BigRational ZERO = new BigRational(BigInteger.ZERO, BigInteger.ONE);
    public static final BigRational ONE = new BigRational(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private BigRational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** {@code n / d} reduced to lowest terms; throws {@link ArithmeticException} when {@code d} is zero. */
    public static BigRational of(BigInteger n, BigInteger d) {
        Objects.requireNonNull(n, "numerator");
        Objects.requireNonNull(d, "denominator");
        if (d.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        return new BigRational(n, n.signum() == 0 ? BigInteger.ONE : d);
    }

    public static BigRational of(long n) {
        return of(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static BigRational of(BigInteger n) {
        return of(n, BigInteger.ONE);
    }

    /** The exact value of a finite decimal: {@code 0.1} is {@code 1/10}, not the nearest double. */
    public static BigRational of(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) {
            return of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
        }
        return of(unscaled, BigInteger.TEN.pow(scale));
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    public int signum() {
        return numerator.signum();
    }

    /** Bits needed to write numerator and denominator: the size measure used by evaluation caps. */
    public long bitLength() {
        return (long) numerator.bitLength() + denominator.bitLength();
    }

    public BigRational add(BigRational o) {
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public BigRational subtract(BigRational o) {
        return add(o.negate());
    }

    public BigRational multiply(BigRational o) {
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    /** Throws {@link ArithmeticException} when {@code o} is zero. */
    public BigRational divide(BigRational o) {
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public BigRational negate() {
        return new BigRational(numerator.negate(), denominator);
    }

    public BigRational abs() {
        return signum() < 0 ? negate() : this;
    }

    /** {@code this^exponent}; a negative exponent of zero throws {@link ArithmeticException}. */
    public BigRational pow(int exponent) {
        if (exponent >= 0) {
            return new BigRational(numerator.pow(exponent), denominator.pow(exponent));
        }
        return of(denominator.pow(-exponent), numerator.pow(-exponent));
    }

    /** The largest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    public double toDouble() {
        if (isInteger()) {
            return numerator.doubleValue();
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(BigRational o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BigRational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code "p"} for integers, {@code "p/q"} otherwise: a canonical key. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
