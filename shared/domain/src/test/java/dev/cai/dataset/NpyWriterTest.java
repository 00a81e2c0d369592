package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir Path folder;

    @Test
    void writeRows_npyFolder_npLoadAgrees() throws IOException {
        PythonNumpy.assumeAvailable();
        Path images = folder.resolve("images.npy");
        Path magnitudes = folder.resolve("magnitudes.npy");
        try (NpyWriter writer =
                new NpyWriter(images, NpyDType.parse(">f4"), new long[] {2, 1, 1, 2})) {
            writer.writeRows(new float[] {1.5f, -2f}, 0, 2);
            writer.writeRows(new float[] {3f, 4.25f}, 0, 2);
        }
        try (NpyWriter writer =
                new NpyWriter(magnitudes, NpyDType.parse("<u2"), new long[] {2, 1})) {
            writer.writeRows(new long[] {7, 65535}, 0, 2);
        }

        JsonNode loaded = PythonNumpy.load(images).get("array");
        DatasetLayout layout =
                DatasetInspector.inspectNpyFolder(
                        "images.npy",
                        List.of(
                                new FileByteRangeSource(images, "images.npy"),
                                new FileByteRangeSource(magnitudes, "magnitudes.npy")),
                        ArrayNames.DEFAULT);
        float[] pixels =
                DatasetInspectorTest.readFloats(
                        new FileByteRangeSource(images), layout.images(), 0, 2);

        assertThat(loaded.get("dtype").asText()).isEqualTo(">f4");
        assertThat(loaded.get("values").toString()).isEqualTo("[1.5,-2.0,3.0,4.25]");
        assertThat(PythonNumpy.load(magnitudes).get("array").get("values").toString())
                .isEqualTo("[7.0,65535.0]");
        assertThat(pixels).containsExactly(1.5f, -2f, 3f, 4.25f);
        assertThat(layout.images().dataOffset()).isEqualTo(128);
    }

    @Test
    void close_missingRows_throwsAndDeletesFile() throws IOException {
        Path file = folder.resolve("short.npy");
        NpyWriter writer = new NpyWriter(file, NpyDType.FLOAT32_LE, new long[] {2});
        writer.writeRows(new float[] {1}, 0, 1);

        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of 2 rows were written");
        assertThat(Files.exists(file)).isFalse();
    }
}
