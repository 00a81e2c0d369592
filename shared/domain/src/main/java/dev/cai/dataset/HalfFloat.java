package dev.cai.dataset;

/**
 * IEEE 754 binary16 conversions, written out because {@code Float.float16ToFloat} and {@code
 * Float.floatToFloat16} exist only from Java 20.
 */
final class HalfFloat {

    private HalfFloat() {}

    /** Returns the float value of the binary16 number in the low 16 bits of {@code half}. */
    static float toFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1F;
        int mantissa = half & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or a subnormal number: mantissa * 2^-24, exactly representable as a float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Returns the binary16 bits of {@code value}, rounded to nearest with ties to even. */
    static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            int nanPayload = mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13);
            return (short) (sign | 0x7C00 | nanPayload);
        }

        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            return (short) (sign | subnormal(mantissa | 0x800000, 14 - halfExponent));
        }
        // A carry out of the mantissa correctly increments the exponent, up to infinity.
        int half = (halfExponent << 10) | (mantissa >>> 13);
        return (short) (sign | roundHalfEven(half, mantissa & 0x1FFF, 0x1000));
    }

    private static int subnormal(int significand, int shift) {
        if (shift > 24) {
            return 0;
        }
        int half = significand >>> shift;
        int remainder = significand & ((1 << shift) - 1);
        return roundHalfEven(half, remainder, 1 << (shift - 1));
    }

    private static int roundHalfEven(int truncated, int remainder, int halfway) {
        if (remainder > halfway || remainder == halfway && (truncated & 1) != 0) {
            return truncated + 1;
        }
        return truncated;
    }
}
