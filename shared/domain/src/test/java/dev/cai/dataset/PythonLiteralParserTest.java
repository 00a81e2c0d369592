package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralParserTest {

    @Test
    void parse_numpyHeader_returnsDictionary() {
        Object parsed =
                PythonLiteralParser.parse(
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (256, 5, 64, 64), }  "
                                + " \n");

        assertThat(parsed)
                .isEqualTo(
                        Map.of(
                                "descr",
                                "<f4",
                                "fortran_order",
                                false,
                                "shape",
                                List.of(256L, 5L, 64L, 64L)));
    }

    @Test
    void parse_shapes_emptyAndSingleAndPython2Long() {
        assertThat(PythonLiteralParser.parse("()")).isEqualTo(List.of());
        assertThat(PythonLiteralParser.parse("(5,)")).isEqualTo(List.of(5L));
        assertThat(PythonLiteralParser.parse("(3L, 4L)")).isEqualTo(List.of(3L, 4L));
    }

    @Test
    void parse_escapedQuote_keepsCharacter() {
        assertThat(PythonLiteralParser.parse("'a\\'b'")).isEqualTo("a'b");
    }

    @Test
    void parse_integerAbove64Bits_namesExpectation() {
        assertThatThrownBy(() -> PythonLiteralParser.parse("(99999999999999999999,)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an integer that fits 64 bits");
    }

    @Test
    void parse_trailingText_rejects() {
        assertThatThrownBy(() -> PythonLiteralParser.parse("{} x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at character 3: found 'x', expected end of header");
    }

    @Test
    void parse_unterminatedString_rejects() {
        assertThatThrownBy(() -> PythonLiteralParser.parse("{'descr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a closing '");
    }
}
