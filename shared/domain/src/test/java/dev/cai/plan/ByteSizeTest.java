package dev.cai.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "25MB, 25000000",
        "25 mb, 25000000",
        "1KB, 1000",
        "2GB, 2000000000",
        "3TB, 3000000000000",
        "1KiB, 1024",
        "1MiB, 1048576",
        "1GiB, 1073741824",
        "2TiB, 2199023255552",
        "4096, 4096",
        "17B, 17",
        "1.5GB, 1500000000",
        "0.5KiB, 512",
    })
    void parse_validSize_returnsBytes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @Test
    void parse_unknownUnit_namesInputAndExpectedForm() {
        assertThatThrownBy(() -> ByteSize.parse("25 XB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "invalid size '25 XB': expected a number with a unit such as 25MB or"
                                + " 1GiB (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)");
    }

    @Test
    void parse_negative_rejects() {
        assertThatThrownBy(() -> ByteSize.parse("-5MB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid size '-5MB'");
    }

    @Test
    void parse_overflow_namesLimit() {
        assertThatThrownBy(() -> ByteSize.parse("10000000TB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at most 9223372036854775807 bytes");
    }

    @Test
    void parse_emptyAndNull_reject() {
        assertThatThrownBy(() -> ByteSize.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "25000000, 25MB",
        "1073741824, 1GiB",
        "1536, 1.5KiB",
        "1537, 1.54KB",
        "999, 999B",
        "0, 0B",
        "1500000000, 1.5GB",
    })
    void format_bytes_usesLargestUnitWithTwoDecimals(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }

    @Test
    void format_thenParse_roundTripsExactUnits() {
        for (long bytes : new long[] {1, 1000, 1024, 25_000_000, 3L << 40, 7_000_000_000_000L}) {
            assertThat(ByteSize.parse(ByteSize.format(bytes))).isEqualTo(bytes);
        }
    }
}
