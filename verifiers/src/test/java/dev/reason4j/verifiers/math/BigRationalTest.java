package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BigRationalTest {

    @Test
    void valuesAreKeptInLowestTermsWithAPositiveDenominator() {
        assertEquals("-1/2", BigRational.of(BigInteger.valueOf(3), BigInteger.valueOf(-6)).toString());
        assertEquals(BigRational.of(BigInteger.ONE, BigInteger.TWO), BigRational.of(new BigDecimal("0.50")));
        assertEquals("0", BigRational.of(BigInteger.ZERO, BigInteger.valueOf(-7)).toString());
    }

    @Test
    void arithmeticIsExact() {
        BigRational third = BigRational.of(BigInteger.ONE, BigInteger.valueOf(3));
        assertEquals(BigRational.ONE, third.add(third).add(third));
        assertNotEquals(third, BigRational.of(new BigDecimal("0.3333333333333333333333")));
        assertEquals("8/27", third.multiply(BigRational.of(2)).pow(3).toString());
        assertEquals("27/8", third.multiply(BigRational.of(2)).pow(-3).toString());
        assertEquals(BigInteger.valueOf(-2), BigRational.of(BigInteger.valueOf(-3), BigInteger.TWO).floor());
    }

    @Test
    void divisionByZeroThrows() {
        assertThrows(ArithmeticException.class, () -> BigRational.ONE.divide(BigRational.ZERO));
        assertThrows(ArithmeticException.class, () -> BigRational.of(BigInteger.ONE, BigInteger.ZERO));
    }
}
