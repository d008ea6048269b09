package dev.reason4j.model.safetensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfPrecisionTest {

    @ParameterizedTest(name = "f16 {0} -> {1}")
    @CsvSource({
            "0x3C00, 1.0",
            "0xC000, -2.0",
            "0x3555, 0.333251953125",       // 1365/4096: 0.333... rounded to 10 mantissa bits
            "0x7BFF, 65504.0",              // largest finite half
            "0x0400, 6.103515625E-5",       // 2^-14, smallest normal
            "0x03FF, 6.097555160522461E-5", // 1023 * 2^-24, largest subnormal
            "0x0001, 5.9604644775390625E-8", // 2^-24, smallest subnormal
            "0x8001, -5.9604644775390625E-8",
            "0x0000, 0.0",
    })
    void halfToFloatDecodesNormalsAndSubnormalsExactly(String bits, double expected) {
        assertEquals((float) expected, HalfPrecision.halfToFloat((short) Integer.parseInt(bits.substring(2), 16)));
    }

    @Test
    void halfToFloatKeepsSignedZeroInfinitiesAndNan() {
        assertEquals(0x8000_0000, Float.floatToRawIntBits(HalfPrecision.halfToFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.halfToFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.halfToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat((short) 0x7E00)));
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat((short) 0x7C01)));
    }

    @ParameterizedTest(name = "f16 {0} <- {1}")
    @CsvSource({
            "0x3C00, 1.0",
            "0x3C00, 1.00048828125",        // 1 + 2^-11: tie between 0x3C00 and 0x3C01, even wins
            "0x3C02, 1.00146484375",        // 1 + 3*2^-11: tie between 0x3C01 and 0x3C02, even wins
            "0x3C01, 1.0005",               // just above the tie rounds up
            "0x7BFF, 65519.99",             // below the overflow tie stays finite
            "0x7C00, 65520.0",              // the tie with 65536 rounds to even, which is infinity
            "0x0001, 5.9604644775390625E-8", // 2^-24
            "0x0000, 2.98023223876953125E-8", // 2^-25: tie between 0 and 1 unit, even (0) wins
            "0x0002, 8.94069671630859375E-8", // 3*2^-25: tie between 1 and 2 units, even (2) wins
            "0x0400, 6.1005353927612305E-5",  // 1023.5 * 2^-24: tie rounds up into the smallest normal
            "0x0000, 1.0E-10",
            "0xC000, -2.0",
    })
    void floatToHalfRoundsToNearestEven(String bits, double value) {
        assertEquals(Integer.parseInt(bits.substring(2), 16), HalfPrecision.floatToHalf((float) value) & 0xFFFF);
    }

    @Test
    void floatToHalfMapsInfinitiesAndNan() {
        assertEquals(0x7C00, HalfPrecision.floatToHalf(Float.POSITIVE_INFINITY) & 0xFFFF);
        assertEquals(0xFC00, HalfPrecision.floatToHalf(-1e6f) & 0xFFFF);
        assertEquals(0x8000, HalfPrecision.floatToHalf(-0.0f) & 0xFFFF);
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat(HalfPrecision.floatToHalf(Float.NaN))));
    }

    @Test
    void everyNonNanHalfSurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            boolean nan = (bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0;
            if (!nan) {
                assertEquals(bits, HalfPrecision.floatToHalf(HalfPrecision.halfToFloat((short) bits)) & 0xFFFF,
                        "half bits " + Integer.toHexString(bits));
            }
        }
    }

    @ParameterizedTest(name = "bf16 {0} -> {1}")
    @CsvSource({
            "0x3F80, 1.0",
            "0xC000, -2.0",
            "0x4049, 3.140625",
            "0x0001, 9.183549615799121E-41", // 2^-133, a float32 subnormal
            "0x8000, -0.0",
    })
    void bf16ToFloatIsTheTopHalfOfTheFloat(String bits, double expected) {
        float decoded = HalfPrecision.bf16ToFloat((short) Integer.parseInt(bits.substring(2), 16));
        assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(decoded));
    }

    @Test
    void floatToBf16RoundsToNearestEvenAndKeepsNan() {
        assertEquals(0x3F80, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3F80_8000)) & 0xFFFF); // tie, even down
        assertEquals(0x3F82, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3F81_8000)) & 0xFFFF); // tie, even up
        assertEquals(0x3F81, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3F80_8001)) & 0xFFFF);
        assertEquals(0x4049, HalfPrecision.floatToBf16((float) Math.PI) & 0xFFFF);
        assertEquals(0x7F80, HalfPrecision.floatToBf16(Float.MAX_VALUE) & 0xFFFF); // rounds past the largest bf16
        assertTrue(Float.isNaN(HalfPrecision.bf16ToFloat(HalfPrecision.floatToBf16(Float.intBitsToFloat(0x7F80_0001)))));
    }

    @Test
    void everyNonNanBf16SurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            boolean nan = (bits & 0x7F80) == 0x7F80 && (bits & 0x7F) != 0;
            if (!nan) {
                assertEquals(bits, HalfPrecision.floatToBf16(HalfPrecision.bf16ToFloat((short) bits)) & 0xFFFF);
            }
        }
    }
}
