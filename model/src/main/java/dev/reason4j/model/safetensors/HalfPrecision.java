package dev.reason4j.model.safetensors;

/**
 * Bit-level conversions between float32 and the two 16-bit float formats of HF checkpoints.
 * Java 17 has no {@code Float.float16ToFloat} (it arrived in Java 20), hence these.
 */
final class HalfPrecision {
    private static final int F32_SIGN = 0x8000_0000;
    private static final int F32_INF = 0x7F80_0000;
    /** float32 exponent bias (127) minus float16 exponent bias (15). */
    private static final int EXPONENT_REBIAS = 112;
    /** Smallest float32 that rounds to +inf in float16: halfway between 65504 (max half) and 65536. */
    private static final int F16_OVERFLOW_THRESHOLD = 0x477F_F000;
    /** 2^-14, the smallest normal float16. */
    private static final int F16_MIN_NORMAL_AS_F32 = 0x3880_0000;

    private HalfPrecision() {
    }

    /** bfloat16 is the top half of a float32, so widening is exact. */
    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** Rounds to nearest, ties to even (as PyTorch does); NaN stays NaN (quiet). */
    static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & ~F32_SIGN) > F32_INF) {
            // Truncating a NaN whose payload lives in the low bits would produce infinity.
            return (short) ((bits >>> 16) | 0x40);
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** IEEE 754 binary16 to float32, exact for every input including subnormals, infinities and NaN. */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | F32_INF | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal (or zero): value = mantissa * 2^-24, exact in float32 because mantissa < 2^10.
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + EXPONENT_REBIAS) << 23) | (mantissa << 13));
    }

    /** float32 to IEEE 754 binary16, rounding to nearest, ties to even; overflow becomes infinity. */
    static short floatToHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & ~F32_SIGN;
        if (magnitude >= F32_INF) {
            boolean nan = magnitude > F32_INF;
            return (short) (sign | 0x7C00 | (nan ? 0x200 | ((magnitude >>> 13) & 0x3FF) : 0));
        }
        if (magnitude >= F16_OVERFLOW_THRESHOLD) {
            return (short) (sign | 0x7C00);
        }
        if (magnitude < F16_MIN_NORMAL_AS_F32) {
            // Subnormal range: count units of 2^-24; the product is exact in double and rint ties to even.
            // A result of 0x400 is the smallest normal, whose encoding is the same bits.
            int units = (int) Math.rint(Float.intBitsToFloat(magnitude) * 0x1p24);
            return (short) (sign | units);
        }
        int half = (((magnitude >>> 23) - EXPONENT_REBIAS) << 10) | ((magnitude >>> 13) & 0x3FF);
        int droppedBits = magnitude & 0x1FFF;
        if (droppedBits > 0x1000 || (droppedBits == 0x1000 && (half & 1) != 0)) {
            half++; // a carry out of the mantissa correctly bumps the exponent
        }
        return (short) (sign | half);
    }
}
