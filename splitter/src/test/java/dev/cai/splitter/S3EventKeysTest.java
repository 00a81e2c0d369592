package dev.cai.splitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EventKeysTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "datasets/my+stamps.npz | datasets/my stamps.npz",
                "datasets/a%2Bb.npz | datasets/a+b.npz",
                "datasets/100%25.npz | datasets/100%.npz",
                "datasets/gal%C3%A1xias/%E6%98%9F.npz | datasets/galáxias/星.npz",
                "a/b/c/d/e/f.npz | a/b/c/d/e/f.npz"
            })
    void decode_encodedKey_returnsKeyAsUploaded(String encoded, String expected) {
        assertThat(S3EventKeys.decode(encoded)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "datasets/my stamps.npz",
                "datasets/a+b.npz",
                "datasets/100%.npz",
                "datasets/星 x+%.npz"
            })
    void encode_thenDecode_roundTrips(String key) {
        assertThat(S3EventKeys.decode(S3EventKeys.encode(key))).isEqualTo(key);
    }

    @Test
    void decode_literalPercentTwoB_isNotDecodedTwice() {
        String key = "datasets/a%2Bb.npz";

        String once = S3EventKeys.decode(S3EventKeys.encode(key));

        assertThat(once).isEqualTo(key);
    }

    @Test
    void decode_brokenEscape_namesTheKey() {
        assertThatThrownBy(() -> S3EventKeys.decode("datasets/bad%ZZ.npz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datasets/bad%ZZ.npz");
    }
}
