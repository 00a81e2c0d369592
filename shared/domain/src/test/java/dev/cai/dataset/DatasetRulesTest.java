package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape, type and structure rules, checked on files written by {@link NpzWriter} or by hand. */
class DatasetRulesTest {

    private static final NpyDType F4 = NpyDType.FLOAT32_LE;

    @TempDir Path folder;

    @Test
    void inspectNpz_imagesRank3_expectsRank4() {
        assertThatThrownBy(() -> inspect(spec("images", F4, 2, 5, 8), spec("magnitudes", F4, 2, 5)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("array 'images' has shape (2, 5, 8) of rank 3")
                .hasMessageContaining("expected rank 4 (N, bands, H, W)");
    }

    @Test
    void inspectNpz_magnitudesRank1_expectsRank2() {
        assertThatThrownBy(() -> inspect(spec("images", F4, 2, 5, 1, 1), spec("magnitudes", F4, 2)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("array 'magnitudes' has shape (2,) of rank 1")
                .hasMessageContaining("expected rank 2 (N, bands)");
    }

    @Test
    void inspectNpz_redshiftsRank2_expectsRank1() {
        assertThatThrownBy(
                        () ->
                                inspect(
                                        spec("images", F4, 2, 5, 1, 1),
                                        spec("magnitudes", F4, 2, 5),
                                        spec("redshifts", F4, 2, 1)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("array 'redshifts' has shape (2, 1) of rank 2")
                .hasMessageContaining("expected rank 1 (N,)");
    }

    @Test
    void inspectNpz_bandsDiffer_namesBothShapes() {
        assertThatThrownBy(
                        () -> inspect(spec("images", F4, 2, 5, 1, 1), spec("magnitudes", F4, 2, 4)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("magnitudes have 4 bands (shape (2, 4))")
                .hasMessageContaining("images have 5 (shape (2, 5, 1, 1))")
                .hasMessageContaining("expected one magnitude per image band");
    }

    @Test
    void inspectNpz_floatObjectIds_expectsIntegerType() {
        assertThatThrownBy(
                        () ->
                                inspect(
                                        spec("images", F4, 2, 5, 1, 1),
                                        spec("magnitudes", F4, 2, 5),
                                        spec("object_ids", NpyDType.parse("<f8"), 2)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("array 'object_ids' has dtype '<f8'")
                .hasMessageContaining("expected an integer dtype such as <i8");
    }

    @Test
    void inspectNpz_booleanImages_expectsFloatOrInteger() {
        assertThatThrownBy(
                        () ->
                                inspect(
                                        spec("images", NpyDType.parse("|b1"), 2, 5, 1, 1),
                                        spec("magnitudes", F4, 2, 5)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("array 'images' has dtype '|b1'")
                .hasMessageContaining("expected a float or integer dtype");
    }

    @Test
    void inspectNpz_unsignedIdsAndHalfImages_accepted() throws IOException {
        DatasetLayout layout =
                inspect(
                        spec("images", NpyDType.parse("<f2"), 2, 5, 1, 1),
                        spec("magnitudes", NpyDType.parse("<i2"), 2, 5),
                        spec("object_ids", NpyDType.parse(">u8"), 2));

        assertThat(layout.objectIds().orElseThrow().dtype().descr()).isEqualTo(">u8");
        assertThat(layout.bytesPerRow()).isEqualTo(10 + 10 + 8);
    }

    @Test
    void inspectNpz_encryptedFlag_reportsEncryption() throws IOException {
        byte[] bytes = write(spec("images", F4, 1, 1, 1, 1), spec("magnitudes", F4, 1, 1));
        int lastEntry = lastIndexOf(bytes, new byte[] {'P', 'K', 1, 2});
        bytes[lastEntry + 8] |= 1;

        assertThatThrownBy(() -> inspect(bytes))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d.npz: ")
                .hasMessageContaining("member magnitudes.npy is encrypted");
    }

    @Test
    void inspectNpyFolder_headerOver1MiB_rejects() {
        byte[] npy = npyPrefix(2, 0, 4);
        ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN).putInt(8, (1 << 20) + 1);

        assertThatThrownBy(() -> inspectFolder(npy))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: ")
                .hasMessageContaining("declares a header of 1048577 bytes")
                .hasMessageContaining("expected at most 1048576 (1 MiB)");
    }

    @Test
    void inspectNpyFolder_version4_expectsKnownVersions() {
        assertThatThrownBy(() -> inspectFolder(npyPrefix(4, 0, 4)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: ")
                .hasMessageContaining("has .npy format version 4.0: expected 1.0, 2.0 or 3.0");
    }

    @Test
    void inspectNpyFolder_deepNesting_rejects() {
        String literal = "(".repeat(100_000);

        assertThatThrownBy(() -> inspectFolder(npyWithHeader(literal)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: ")
                .hasMessageContaining("at most 32 levels of nesting");
    }

    @Test
    void inspectNpyFolder_doubleQuotes_parses() throws IOException {
        String literal = "{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(1,1,1,1)}";
        byte[] npy = npyWithHeader(literal);

        DatasetLayout layout = inspectFolder(npy);

        assertThat(layout.images().shape()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void inspectNpyFolder_rank1Fortran_accepted() throws IOException {
        String literal = "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }";

        DatasetLayout layout = inspectFolderWithRedshifts(npyWithHeader(literal));

        assertThat(layout.redshifts().orElseThrow().shape()).containsExactly(1);
    }

    @Test
    void inspectNpyFolder_shapeOverflows_reportsOverflow() {
        String literal =
                "{'descr': '<f8', 'fortran_order': False,"
                        + " 'shape': (9223372036854775807, 5, 64, 64), }";

        assertThatThrownBy(() -> inspectFolder(npyWithHeader(literal)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: ")
                .hasMessageContaining("byte size overflows 64 bits");
    }

    @Test
    void inspectNpyFolder_structuredDtype_rejects() {
        String literal = "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }";

        assertThatThrownBy(() -> inspectFolder(npyWithHeader(literal)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: ")
                .hasMessageContaining("is a structured dtype");
    }

    @Test
    void inspectNpyFolder_missingMagnitudes_listsFilesFound() {
        assertThatThrownBy(
                        () ->
                                DatasetInspector.inspectNpyFolder(
                                        "d/images.npy",
                                        List.of(
                                                new ByteArrayRangeSource(
                                                        "d/images.npy", new byte[0]),
                                                new ByteArrayRangeSource(
                                                        "d/mags.npy", new byte[0])),
                                        ArrayNames.DEFAULT))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("d/images.npy: missing required array 'magnitudes'")
                .hasMessageContaining("arrays found: [images, mags]");
    }

    private DatasetLayout inspect(NpzWriter.ArraySpec... specs) throws IOException {
        return inspect(write(specs));
    }

    private static DatasetLayout inspect(byte[] bytes) throws IOException {
        return DatasetInspector.inspectNpz(
                new ByteArrayRangeSource("d.npz", bytes), ArrayNames.DEFAULT);
    }

    /** Inspects {@code imagesNpy} as images.npy next to a valid magnitudes.npy. */
    private DatasetLayout inspectFolder(byte[] imagesNpy) throws IOException {
        byte[] magnitudes =
                npyWithHeader("{'descr': '<f4', 'fortran_order': False," + " 'shape': (1, 1), }");
        return DatasetInspector.inspectNpyFolder(
                "d/images.npy",
                List.of(
                        new ByteArrayRangeSource("d/images.npy", imagesNpy),
                        new ByteArrayRangeSource("d/magnitudes.npy", magnitudes)),
                ArrayNames.DEFAULT);
    }

    private DatasetLayout inspectFolderWithRedshifts(byte[] redshiftsNpy) throws IOException {
        byte[] images =
                npyWithHeader(
                        "{'descr': '<f4', 'fortran_order': False," + " 'shape': (1, 1, 1, 1), }");
        byte[] magnitudes =
                npyWithHeader("{'descr': '<f4', 'fortran_order': False," + " 'shape': (1, 1), }");
        return DatasetInspector.inspectNpyFolder(
                "d/images.npy",
                List.of(
                        new ByteArrayRangeSource("d/images.npy", images),
                        new ByteArrayRangeSource("d/magnitudes.npy", magnitudes),
                        new ByteArrayRangeSource("d/redshifts.npy", redshiftsNpy)),
                ArrayNames.DEFAULT);
    }

    private byte[] write(NpzWriter.ArraySpec... specs) throws IOException {
        Path file = folder.resolve("d" + System.nanoTime() + ".npz");
        try (NpzWriter writer = new NpzWriter(file, List.of(specs))) {
            for (NpzWriter.ArraySpec spec : specs) {
                int values = (int) Arrays.stream(spec.shape()).reduce(1, Math::multiplyExact);
                writer.writeRows(spec.name(), new long[values], 0, values);
            }
        }
        return Files.readAllBytes(file);
    }

    private static NpzWriter.ArraySpec spec(String name, NpyDType dtype, long... shape) {
        return new NpzWriter.ArraySpec(name, dtype, shape);
    }

    /** Returns a version {@code major.minor} prefix with room for a header length field. */
    private static byte[] npyPrefix(int major, int minor, int lengthBytes) {
        byte[] prefix = Arrays.copyOf(NpyHeaderFormat.MAGIC, 8 + lengthBytes + 16);
        prefix[6] = (byte) major;
        prefix[7] = (byte) minor;
        return prefix;
    }

    /** Returns a version 2.0 file with {@code literal} as its header and 64 zero data bytes. */
    private static byte[] npyWithHeader(String literal) {
        byte[] text = (literal + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] prefix = npyPrefix(2, 0, 4);
        ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).putInt(8, text.length);
        ByteBuffer out = ByteBuffer.allocate(12 + text.length + 64);
        out.put(prefix, 0, 12).put(text);
        return out.array();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("pattern not found");
    }
}
