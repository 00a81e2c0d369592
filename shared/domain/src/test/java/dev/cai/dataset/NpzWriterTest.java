package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzWriterTest {

    private static final NpyDType F4 = NpyDType.parse("<f4");

    @TempDir Path folder;

    @Test
    void writeRows_interleaved_npLoadAgrees() throws IOException {
        PythonNumpy.assumeAvailable();
        Path file = folder.resolve("mixed.npz");
        writeMixed(file);

        JsonNode loaded = PythonNumpy.load(file);

        assertThat(loaded.get("images").get("shape").toString()).isEqualTo("[3,2,2,2]");
        assertThat(doubles(loaded.get("images"))).containsExactly(expectedImages());
        assertThat(loaded.get("magnitudes").get("dtype").asText()).isEqualTo(">f8");
        assertThat(doubles(loaded.get("magnitudes"))).containsExactly(20, 21.5, 20.25, 22, 23, 24);
        assertThat(loaded.get("redshifts").get("dtype").asText()).isEqualTo("<f2");
        assertThat(doubles(loaded.get("redshifts"))).containsExactly(0.5, 1.25, 3.0);
        assertThat(loaded.get("object_ids").get("dtype").asText()).isEqualTo("<i8");
        assertThat(doubles(loaded.get("object_ids"))).containsExactly(7.0, 1L << 40, 9.0);
    }

    @Test
    void close_complete_javaZipFileReads() throws IOException {
        Path file = folder.resolve("mixed.npz");
        writeMixed(file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(entry -> names.add(entry.getName()));
            ZipEntry images = zip.getEntry("images.npy");

            assertThat(names)
                    .containsExactly(
                            "images.npy", "magnitudes.npy", "redshifts.npy", "object_ids.npy");
            assertThat(images.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getInputStream(images).readAllBytes()).hasSize(128 + 3 * 8 * 4);
        }
    }

    @Test
    void close_npyHeaders_alignedTo64() throws IOException {
        Path file = folder.resolve("one.npz");
        try (NpzWriter writer =
                new NpzWriter(
                        file, List.of(new NpzWriter.ArraySpec("redshifts", F4, new long[] {2})))) {
            writer.writeRows("redshifts", new float[] {1, 2}, 0, 2);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] member = zip.getInputStream(zip.getEntry("redshifts.npy")).readAllBytes();

            assertThat((member.length - 2 * 4) % 64).isZero();
        }
    }

    @Test
    void close_missingRows_throwsAndDeletesFile() throws IOException {
        Path file = folder.resolve("short.npz");
        NpzWriter writer =
                new NpzWriter(
                        file, List.of(new NpzWriter.ArraySpec("redshifts", F4, new long[] {3})));
        writer.writeRows("redshifts", new float[] {1, 2}, 0, 2);

        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redshifts (2 of 3)");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void writeRows_partialRow_throwsNamingRowSize() throws IOException {
        Path file = folder.resolve("partial.npz");
        try (NpzWriter writer =
                new NpzWriter(
                        file,
                        List.of(new NpzWriter.ArraySpec("magnitudes", F4, new long[] {2, 5})))) {

            assertThatThrownBy(() -> writer.writeRows("magnitudes", new float[7], 0, 7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rows of 5 values");
            writer.writeRows("magnitudes", new float[10], 0, 10);
        }
    }

    @Test
    void writeRows_tooManyRows_throwsIllegalState() throws IOException {
        Path file = folder.resolve("over.npz");
        try (NpzWriter writer =
                new NpzWriter(
                        file, List.of(new NpzWriter.ArraySpec("redshifts", F4, new long[] {1})))) {
            writer.writeRows("redshifts", new float[] {1}, 0, 1);

            assertThatThrownBy(() -> writer.writeRows("redshifts", new float[] {2}, 0, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has 1 rows and 1 are written");
        }
    }

    @Test
    void writeRows_unknownArray_listsKnownArrays() throws IOException {
        Path file = folder.resolve("unknown.npz");
        try (NpzWriter writer =
                new NpzWriter(
                        file, List.of(new NpzWriter.ArraySpec("redshifts", F4, new long[] {1})))) {

            assertThatThrownBy(() -> writer.writeRows("images", new float[] {1}, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected one of [redshifts]");
            writer.writeRows("redshifts", new float[] {1}, 0, 1);
        }
    }

    @Test
    void writeRows_negativeUnsigned_throws() throws IOException {
        Path file = folder.resolve("unsigned.npz");
        try (NpzWriter writer =
                new NpzWriter(
                        file,
                        List.of(
                                new NpzWriter.ArraySpec(
                                        "object_ids", NpyDType.parse("<u4"), new long[] {1})))) {

            assertThatThrownBy(() -> writer.writeRows("object_ids", new long[] {-1}, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a value in [0, 4294967295]");
            writer.writeRows("object_ids", new long[] {4294967295L}, 0, 1);
        }
    }

    /** Writes four arrays of three rows, one row at a time, cycling through the arrays. */
    static void writeMixed(Path file) throws IOException {
        List<NpzWriter.ArraySpec> specs =
                List.of(
                        new NpzWriter.ArraySpec("images", F4, new long[] {3, 2, 2, 2}),
                        new NpzWriter.ArraySpec(
                                "magnitudes", NpyDType.parse(">f8"), new long[] {3, 2}),
                        new NpzWriter.ArraySpec("redshifts", NpyDType.parse("<f2"), new long[] {3}),
                        new NpzWriter.ArraySpec("object_ids", NpyDType.INT64_LE, new long[] {3}));
        float[] images = expectedImagesAsFloats();
        float[] magnitudes = {20, 21.5f, 20.25f, 22, 23, 24};
        float[] redshifts = {0.5f, 1.25f, 3.0f};
        long[] ids = {7, 1L << 40, 9};
        try (NpzWriter writer = new NpzWriter(file, specs)) {
            for (int row = 0; row < 3; row++) {
                writer.writeRows("object_ids", ids, row, 1);
                writer.writeRows("redshifts", redshifts, row, 1);
                writer.writeRows("magnitudes", magnitudes, row * 2, 2);
                writer.writeRows("images", images, row * 8, 8);
            }
        }
    }

    static float[] expectedImagesAsFloats() {
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3;
        }
        return values;
    }

    private static double[] expectedImages() {
        float[] floats = expectedImagesAsFloats();
        double[] values = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            values[i] = floats[i];
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        JsonNode values = array.get("values");
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i).asDouble();
        }
        return result;
    }
}
