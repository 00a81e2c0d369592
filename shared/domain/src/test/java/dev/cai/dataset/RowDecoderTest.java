package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RowDecoderTest {

    @Test
    void toFloat32_littleEndianF4_copiesFromOffset() {
        byte[] bytes =
                ByteBuffer.allocate(20)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(0)
                        .putFloat(1.5f)
                        .putFloat(-2f)
                        .putFloat(Float.NaN)
                        .putFloat(7f)
                        .array();
        float[] values = new float[5];

        RowDecoder.toFloat32(bytes, 4, NpyDType.FLOAT32_LE, values, 1, 4);

        assertThat(values).containsExactly(0f, 1.5f, -2f, Float.NaN, 7f);
    }

    @Test
    void toFloat32_bigEndianDoubles_rounds() {
        byte[] bytes = ByteBuffer.allocate(16).putDouble(0.1).putDouble(-1e300).array();
        float[] values = new float[2];

        RowDecoder.toFloat32(bytes, 0, NpyDType.parse(">f8"), values, 0, 2);

        assertThat(values).containsExactly(0.1f, Float.NEGATIVE_INFINITY);
    }

    @Test
    void toFloat32_integerKinds_convertSignAndWidth() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF};

        float[] signed = new float[1];
        float[] unsigned = new float[1];
        float[] bytesAsUnsigned = new float[2];
        RowDecoder.toFloat32(bytes, 0, NpyDType.parse("<i2"), signed, 0, 1);
        RowDecoder.toFloat32(bytes, 0, NpyDType.parse(">u2"), unsigned, 0, 1);
        RowDecoder.toFloat32(bytes, 0, NpyDType.parse("|u1"), bytesAsUnsigned, 0, 2);

        assertThat(signed).containsExactly(-1f);
        assertThat(unsigned).containsExactly(65535f);
        assertThat(bytesAsUnsigned).containsExactly(255f, 255f);
    }

    @Test
    void toFloat32_u8AboveLongMax_convertsUnsigned() {
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();
        float[] values = new float[1];

        RowDecoder.toFloat32(bytes, 0, NpyDType.parse("<u8"), values, 0, 1);

        assertThat(values).containsExactly(0x1p64f);
    }

    @Test
    void toFloat32_shortSource_throws() {
        assertThatThrownBy(
                        () ->
                                RowDecoder.toFloat32(
                                        new byte[7], 0, NpyDType.FLOAT32_LE, new float[2], 0, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void toInt64_allIntegerWidths_decodes() {
        byte[] bytes =
                ByteBuffer.allocate(15)
                        .order(ByteOrder.BIG_ENDIAN)
                        .put((byte) -3)
                        .putShort((short) -300)
                        .putInt(70_000)
                        .putLong(1L << 40)
                        .array();
        long[] i1 = new long[1];
        long[] i2 = new long[1];
        long[] u4 = new long[1];
        long[] i8 = new long[1];

        RowDecoder.toInt64(bytes, 0, NpyDType.parse("|i1"), i1, 0, 1);
        RowDecoder.toInt64(bytes, 1, NpyDType.parse(">i2"), i2, 0, 1);
        RowDecoder.toInt64(bytes, 3, NpyDType.parse(">u4"), u4, 0, 1);
        RowDecoder.toInt64(bytes, 7, NpyDType.parse(">i8"), i8, 0, 1);

        assertThat(i1).containsExactly(-3);
        assertThat(i2).containsExactly(-300);
        assertThat(u4).containsExactly(70_000);
        assertThat(i8).containsExactly(1L << 40);
    }

    @Test
    void toInt64_u8AboveLongMax_throws() {
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();

        assertThatThrownBy(
                        () ->
                                RowDecoder.toInt64(
                                        bytes, 0, NpyDType.parse("<u8"), new long[1], 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value 18446744073709551615")
                .hasMessageContaining("above Long.MAX_VALUE");
    }

    @Test
    void toInt64_floatType_rejects() {
        assertThatThrownBy(
                        () ->
                                RowDecoder.toInt64(
                                        new byte[4], 0, NpyDType.FLOAT32_LE, new long[1], 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected i1..i8 or u1..u8");
    }
}
