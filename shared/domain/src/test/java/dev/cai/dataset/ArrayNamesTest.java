package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrayNamesTest {

    @Test
    void parse_twoMappings_keepsOthersCanonical() {
        ArrayNames names = ArrayNames.parse("images=x, magnitudes = mags");

        assertThat(names.fileName("images")).isEqualTo("x");
        assertThat(names.fileName("magnitudes")).isEqualTo("mags");
        assertThat(names.fileName("redshifts")).isEqualTo("redshifts");
    }

    @Test
    void parse_blank_returnsDefault() {
        assertThat(ArrayNames.parse(" ")).isEqualTo(ArrayNames.DEFAULT);
    }

    @Test
    void parse_unknownCanonicalName_listsValidNames() {
        assertThatThrownBy(() -> ArrayNames.parse("pixels=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "invalid array name 'pixels': expected one of"
                                + " [images, magnitudes, redshifts, object_ids]");
    }

    @Test
    void parse_missingEquals_showsExpectedForm() {
        assertThatThrownBy(() -> ArrayNames.parse("images"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected canonical=name, such as images=x");
    }

    @Test
    void parse_sameArrayTwice_rejects() {
        assertThatThrownBy(() -> ArrayNames.parse("images=x,images=y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array 'images' is mapped twice");
    }
}
