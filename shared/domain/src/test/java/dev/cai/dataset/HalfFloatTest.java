package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HalfFloatTest {

    @Test
    void fromFloat_everyHalfValue_roundTrips() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = HalfFloat.toFloat(bits);
            if (Float.isNaN(value)) {
                assertThat(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(value)))).isTrue();
                continue;
            }
            assertThat(HalfFloat.fromFloat(value) & 0xFFFF).as("bits %04x", bits).isEqualTo(bits);
        }
    }

    @Test
    void toFloat_knownPatterns_matchIeeeValues() {
        assertThat(HalfFloat.toFloat(0x3C00)).isEqualTo(1f);
        assertThat(HalfFloat.toFloat(0xC000)).isEqualTo(-2f);
        assertThat(HalfFloat.toFloat(0x7BFF)).isEqualTo(65504f);
        assertThat(HalfFloat.toFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat(0x03FF)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfFloat.toFloat(0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.toFloat(0x7E00)).isNaN();
    }

    @Test
    void fromFloat_ties_roundToEven() {
        // 1 + 2^-11 lies halfway between 1 and the next half value 1 + 2^-10.
        assertThat(HalfFloat.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3C00);
        assertThat(HalfFloat.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
        assertThat(HalfFloat.fromFloat(1f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3C01);
    }

    @Test
    void fromFloat_outOfRange_saturatesOrFlushes() {
        assertThat(HalfFloat.fromFloat(65520f)).isEqualTo((short) 0x7C00);
        assertThat(HalfFloat.fromFloat(-1e10f)).isEqualTo((short) 0xFC00);
        assertThat(HalfFloat.fromFloat(0x1p-25f)).isEqualTo((short) 0);
        assertThat(HalfFloat.fromFloat(0x1.8p-25f)).isEqualTo((short) 1);
        assertThat(HalfFloat.fromFloat(-0f)).isEqualTo((short) 0x8000);
    }

    @Test
    void fromFloat_randomFloats_matchNumpyAstype() throws IOException {
        PythonNumpy.assumeAvailable();
        String script =
                String.join(
                        "\n",
                        "import warnings",
                        "import numpy as np",
                        "warnings.simplefilter('ignore')",
                        "rng = np.random.default_rng(7)",
                        "scale = np.float32(10.0) ** rng.integers(-9, 6, 5000)",
                        "x = (rng.standard_normal(5000) * scale).astype('<f4')",
                        "h = x.astype('<f2').view('<u2')",
                        "for a, b in zip(x.view('<u4'), h):",
                        "    print('%08x %04x' % (a, b))");

        List<String> lines = PythonNumpy.run(List.of("python3", "-c", script)).lines().toList();

        assertThat(lines).hasSize(5000);
        for (String line : lines) {
            float value = Float.intBitsToFloat(Integer.parseUnsignedInt(line.substring(0, 8), 16));
            int expected = Integer.parseInt(line.substring(9), 16);
            assertThat(HalfFloat.fromFloat(value) & 0xFFFF)
                    .as("float %s", value)
                    .isEqualTo(expected);
        }
    }
}
