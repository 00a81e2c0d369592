package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileByteRangeSourceTest {

    @TempDir Path folder;

    @Test
    void read_range_returnsThoseBytes() throws IOException {
        FileByteRangeSource source = source(new byte[] {0, 1, 2, 3, 4, 5});

        assertThat(source.read(2, 3)).containsExactly(2, 3, 4);
        assertThat(source.length()).isEqualTo(6);
    }

    @Test
    void read_pastEnd_throwsEofNamingKey() throws IOException {
        FileByteRangeSource source = source(new byte[4]);

        assertThatThrownBy(() -> source.read(2, 3))
                .isInstanceOf(EOFException.class)
                .hasMessageStartingWith("data.bin: requested bytes [2, 5)");
    }

    @Test
    void openRange_middle_streamsOnlyRange() throws IOException {
        FileByteRangeSource source = source(new byte[] {9, 8, 7, 6, 5});

        try (InputStream in = source.openRange(1, 3)) {
            assertThat(in.readAllBytes()).containsExactly(8, 7, 6);
        }
    }

    @Test
    void openRange_pastEnd_throwsEofWhileReading() throws IOException {
        FileByteRangeSource source = source(new byte[3]);

        try (InputStream in = source.openRange(1, 5)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class);
        }
    }

    private FileByteRangeSource source(byte[] content) throws IOException {
        Path file = folder.resolve("data.bin");
        Files.write(file, content);
        return new FileByteRangeSource(file, "data.bin");
    }
}
