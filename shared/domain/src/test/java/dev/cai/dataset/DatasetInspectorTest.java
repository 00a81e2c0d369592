package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.port.ByteRangeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInspectorTest {

    @TempDir Path folder;

    @Test
    void inspectNpz_savezFile_findsFourArrays() throws IOException {
        DatasetLayout layout =
                DatasetInspector.inspectNpz(Fixtures.source("valid.npz"), ArrayNames.DEFAULT);

        assertThat(layout.arrays().keySet())
                .containsExactly("images", "magnitudes", "redshifts", "object_ids");
        assertThat(layout.images().shape()).containsExactly(12, 5, 8, 8);
        assertThat(layout.images().dtype()).isEqualTo(NpyDType.FLOAT32_LE);
        assertThat(layout.magnitudes().shape()).containsExactly(12, 5);
        assertThat(layout.objectIds().orElseThrow().dtype()).isEqualTo(NpyDType.INT64_LE);
        assertThat(layout.rows()).isEqualTo(12);
        assertThat(layout.sourceKey()).isEqualTo("valid.npz");
    }

    @Test
    void inspectNpz_savezFile_offsetsPointAtValues() throws IOException {
        ByteRangeSource source = Fixtures.source("valid.npz");
        DatasetLayout layout = DatasetInspector.inspectNpz(source, ArrayNames.DEFAULT);

        float[] image = readFloats(source, layout.images(), 1, 2);
        float[] magnitudes = readFloats(source, layout.magnitudes(), 11, 1);
        float[] redshifts = readFloats(source, layout.redshifts().orElseThrow(), 3, 1);
        long[] ids = readLongs(source, layout.objectIds().orElseThrow(), 10, 2);

        assertThat(image[0]).isEqualTo(320 * 0.25f);
        assertThat(image[639]).isEqualTo((320 + 639) * 0.25f);
        assertThat(magnitudes).containsExactly(47.5f, 48f, 48.5f, 49f, 49.5f);
        assertThat(redshifts).containsExactly(0.375f);
        assertThat(ids).containsExactly(1010, 1011);
    }

    @Test
    void headerBytesRead_moreRows_staysSame() throws IOException {
        DatasetLayout small =
                DatasetInspector.inspectNpz(
                        writeOnes(folder.resolve("small.npz"), 20_000), ArrayNames.DEFAULT);
        DatasetLayout large =
                DatasetInspector.inspectNpz(
                        writeOnes(folder.resolve("large.npz"), 200_000), ArrayNames.DEFAULT);

        assertThat(large.rows()).isEqualTo(200_000);
        assertThat(large.headerBytesRead()).isEqualTo(small.headerBytesRead());
        assertThat(large.headerBytesRead()).isLessThan(2_000);
    }

    @Test
    void inspectNpz_bigEndianDoubles_decodesValues() throws IOException {
        ByteRangeSource source = Fixtures.source("bigendian.npz");
        DatasetLayout layout = DatasetInspector.inspectNpz(source, ArrayNames.DEFAULT);

        float[] image = readFloats(source, layout.images(), 1, 1);
        long[] ids = readLongs(source, layout.objectIds().orElseThrow(), 0, 2);

        assertThat(layout.images().dtype().descr()).isEqualTo(">f8");
        assertThat(image)
                .containsExactly(
                        80f, 80.25f, 82f, 82.25f, 96f, 96.25f, 98f, 98.25f, 112f, 112.25f, 114f,
                        114.25f);
        assertThat(ids).containsExactly(1000, 1001);
    }

    @Test
    void inspectNpz_float16_decodesHalfValues() throws IOException {
        ByteRangeSource source = Fixtures.source("float16.npz");
        DatasetLayout layout = DatasetInspector.inspectNpz(source, ArrayNames.DEFAULT);

        float[] image = readFloats(source, layout.images(), 0, 2);
        float[] magnitudes = readFloats(source, layout.magnitudes(), 0, 2);

        assertThat(image)
                .containsExactly(
                        0.5f,
                        -2.0f,
                        6.097555e-5f,
                        65504f,
                        1.1920929e-7f,
                        -0.0f,
                        Float.POSITIVE_INFINITY,
                        3.140625f);
        assertThat(magnitudes).containsExactly(21.5f, -0.25f);
    }

    @Test
    void inspectNpyFolder_filePerArray_usesFileKeys() throws IOException {
        List<ByteRangeSource> files =
                List.of(
                        Fixtures.source("folder/images.npy"),
                        Fixtures.source("folder/magnitudes.npy"),
                        Fixtures.source("folder/redshifts.npy"),
                        Fixtures.source("folder/object_ids.npy"));

        DatasetLayout layout =
                DatasetInspector.inspectNpyFolder("folder/images.npy", files, ArrayNames.DEFAULT);
        long[] ids = readLongs(files.get(3), layout.objectIds().orElseThrow(), 0, 3);

        assertThat(layout.rows()).isEqualTo(3);
        assertThat(layout.images().shape()).containsExactly(3, 2, 2, 2);
        assertThat(layout.magnitudes().key()).isEqualTo("folder/magnitudes.npy");
        assertThat(layout.images().dataOffset()).isEqualTo(128);
        assertThat(ids).containsExactly(1000, 1001, 1002);
        assertThat(layout.headerBytesRead()).isLessThan(1_000);
    }

    @Test
    void inspectNpyFolder_versions2And3_readsBoth() throws IOException {
        List<ByteRangeSource> files =
                List.of(
                        Fixtures.source("versions/images.npy"),
                        Fixtures.source("versions/magnitudes.npy"));

        DatasetLayout layout =
                DatasetInspector.inspectNpyFolder("versions/images.npy", files, ArrayNames.DEFAULT);
        float[] magnitudes = readFloats(files.get(1), layout.magnitudes(), 1, 1);

        assertThat(layout.images().shape()).containsExactly(2, 5, 8, 8);
        assertThat(layout.images().dataOffset() % 64).isZero();
        assertThat(magnitudes).containsExactly(22.5f, 23f, 23.5f, 24f, 24.5f);
    }

    @Test
    void inspectNpz_plainZipVersion3_readsValues() throws IOException {
        ByteRangeSource source = Fixtures.source("versions.npz");
        DatasetLayout layout = DatasetInspector.inspectNpz(source, ArrayNames.DEFAULT);

        float[] image = readFloats(source, layout.images(), 1, 1);
        float[] magnitudes = readFloats(source, layout.magnitudes(), 0, 1);

        assertThat(image[0]).isEqualTo(80f);
        assertThat(magnitudes).containsExactly(20f, 20.5f, 21f, 21.5f, 22f);
    }

    @Test
    void inspectNpz_renamedArrays_mapsNames() throws IOException {
        DatasetLayout layout =
                DatasetInspector.inspectNpz(
                        Fixtures.source("renamed.npz"),
                        ArrayNames.parse("images=x,magnitudes=mags"));

        assertThat(layout.arrays().keySet()).containsExactly("images", "magnitudes");
        assertThat(layout.images().shape()).containsExactly(2, 5, 8, 8);
    }

    @Test
    void inspectNpz_compressed_saysToUseSavez() {
        assertThatThrownBy(() -> inspect("compressed.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("compressed.npz: member images.npy is compressed")
                .hasMessageContaining("np.savez_compressed")
                .hasMessageContaining("save it with np.savez");
    }

    @Test
    void inspectNpz_tailCutOff_reportsTruncated() {
        assertThatThrownBy(() -> inspect("truncated.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("truncated.npz: ")
                .hasMessageContaining("no end of central directory record")
                .hasMessageContaining("truncated");
    }

    @Test
    void inspectNpz_middleCutOut_reportsTruncated() {
        assertThatThrownBy(() -> inspect("truncated_middle.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("truncated_middle.npz: file is truncated or corrupt");
    }

    @Test
    void inspectNpyFolder_truncatedData_namesBytesNeeded() {
        List<ByteRangeSource> files =
                List.of(
                        Fixtures.source("folder/truncated.npy"),
                        Fixtures.source("folder/magnitudes.npy"));

        assertThatThrownBy(
                        () ->
                                DatasetInspector.inspectNpyFolder(
                                        "folder/truncated.npy",
                                        files,
                                        ArrayNames.parse("images=truncated")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("folder/truncated.npy: file is truncated or corrupt")
                .hasMessageContaining("needs 96 bytes but only 88 follow its header");
    }

    @Test
    void inspectNpz_fortranOrder_saysToUseAscontiguousarray() {
        assertThatThrownBy(() -> inspect("fortran.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("fortran.npz: array 'images'")
                .hasMessageContaining("fortran_order True")
                .hasMessageContaining("np.ascontiguousarray");
    }

    @Test
    void inspectNpz_objectDtype_rejects() {
        assertThatThrownBy(() -> inspect("object.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("object.npz: array 'object_ids' has dtype '|O'")
                .hasMessageContaining("expected a numeric dtype");
    }

    @Test
    void inspectNpz_mismatchedRows_listsEveryCount() {
        assertThatThrownBy(() -> inspect("mismatched.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("mismatched.npz: arrays have different row counts")
                .hasMessageContaining("images=12, magnitudes=11, redshifts=10");
    }

    @Test
    void inspectNpz_zeroRows_expectsOneSample() {
        assertThatThrownBy(() -> inspect("zero_rows.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("zero_rows.npz: dataset has 0 rows")
                .hasMessageContaining("expected at least one sample");
    }

    @Test
    void inspectNpz_textFile_reportsNotZip() {
        assertThatThrownBy(() -> inspect("text.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("text.npz: not a ZIP file")
                .hasMessageContaining("expected an .npz archive written by np.savez");
    }

    @Test
    void inspectNpz_npyFile_namesSingleArray() {
        assertThatThrownBy(() -> inspect("folder/images.npy"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("it is a single .npy array");
    }

    @Test
    void inspectNpz_trillionRows_rejectsWithoutAllocating() {
        assertThatThrownBy(() -> inspect("huge_rows.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("huge_rows.npz: file is truncated or corrupt")
                .hasMessageContaining("shape (1000000000000, 5, 8, 8)");
    }

    @Test
    void inspectNpz_missingImages_listsArraysFound() {
        assertThatThrownBy(() -> inspect("renamed.npz"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("renamed.npz: missing required array 'images'")
                .hasMessageContaining("arrays found: [x, mags, extra]");
    }

    private static DatasetLayout inspect(String fixture) throws IOException {
        return DatasetInspector.inspectNpz(Fixtures.source(fixture), ArrayNames.DEFAULT);
    }

    /** Writes images (rows, 1, 1, 1) and magnitudes (rows, 1) of ones. */
    private static ByteRangeSource writeOnes(Path file, int rows) throws IOException {
        float[] ones = new float[rows];
        Arrays.fill(ones, 1f);
        try (NpzWriter writer =
                new NpzWriter(
                        file,
                        List.of(
                                new NpzWriter.ArraySpec(
                                        "images", NpyDType.FLOAT32_LE, new long[] {rows, 1, 1, 1}),
                                new NpzWriter.ArraySpec(
                                        "magnitudes",
                                        NpyDType.FLOAT32_LE,
                                        new long[] {rows, 1})))) {
            writer.writeRows("images", ones, 0, rows);
            writer.writeRows("magnitudes", ones, 0, rows);
        }
        return new FileByteRangeSource(file);
    }

    static float[] readFloats(ByteRangeSource source, ArrayLayout array, long row, int rows)
            throws IOException {
        int count = (int) (array.elementsPerRow() * rows);
        byte[] bytes = source.read(array.rowOffset(row), (int) (array.rowBytes() * rows));
        float[] values = new float[count];
        RowDecoder.toFloat32(bytes, 0, array.dtype(), values, 0, count);
        return values;
    }

    static long[] readLongs(ByteRangeSource source, ArrayLayout array, long row, int rows)
            throws IOException {
        byte[] bytes = source.read(array.rowOffset(row), (int) (array.rowBytes() * rows));
        long[] values = new long[rows];
        RowDecoder.toInt64(bytes, 0, array.dtype(), values, 0, rows);
        return values;
    }
}
