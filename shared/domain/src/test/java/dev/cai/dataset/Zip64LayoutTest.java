package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.port.ByteRangeSource;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files above 4 GiB: the ZIP64 central directory fields and end records that {@link NpzWriter}
 * writes, checked on a sparse layout (only the headers hold bytes) of a 6 GB {@code .npz}.
 */
class Zip64LayoutTest {

    private static final long IMAGE_ROWS = 300_000_000L;

    @TempDir Path folder;

    @Test
    void inspectNpz_beyond4GiB_readsZip64() throws IOException {
        SparseLayout layout = SparseLayout.build();

        DatasetLayout dataset = DatasetInspector.inspectNpz(layout.source(), ArrayNames.DEFAULT);

        assertThat(dataset.images().shape()).containsExactly(IMAGE_ROWS, 1, 2, 2);
        assertThat(dataset.images().dataOffset()).isEqualTo(layout.imagesDataOffset);
        assertThat(dataset.magnitudes().dataOffset()).isEqualTo(layout.magnitudesDataOffset);
        assertThat(dataset.magnitudes().dataOffset()).isGreaterThan(0xFFFFFFFFL);
        assertThat(dataset.headerBytesRead()).isLessThan(2_000);
    }

    @Test
    void endRecords_smallDirectory_writesOnlyClassicRecord() {
        byte[] records = ZipFormat.endRecords(4, 1000, 200);

        assertThat(records).hasSize(ZipFormat.END_BYTES);
    }

    @Test
    void endRecords_beyond4GiB_addsZip64Records() {
        byte[] records = ZipFormat.endRecords(2, 6_000_000_000L, 200);

        assertThat(records)
                .hasSize(
                        ZipFormat.ZIP64_END_BYTES
                                + ZipFormat.ZIP64_LOCATOR_BYTES
                                + ZipFormat.END_BYTES);
    }

    @Test
    void centralHeader_beyond4GiB_pythonZipfileAgrees() throws IOException {
        PythonNumpy.assumeAvailable();
        SparseLayout layout = SparseLayout.build();
        Path file = folder.resolve("sparse.npz");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(layout.length);
            for (Map.Entry<Long, byte[]> region : layout.regions.entrySet()) {
                out.seek(region.getKey());
                out.write(region.getValue());
            }
        }

        String listing =
                PythonNumpy.run(
                        List.of(
                                "python3",
                                "-c",
                                String.join(
                                        "\n",
                                        "import sys, zipfile",
                                        "for info in zipfile.ZipFile(sys.argv[1]).infolist():",
                                        "    print(info.filename, info.header_offset,"
                                                + " info.file_size, info.compress_type)"),
                                file.toString()));

        assertThat(listing.lines())
                .containsExactly(
                        "images.npy 0 " + layout.imagesMemberBytes + " 0",
                        "magnitudes.npy "
                                + layout.magnitudesHeaderOffset
                                + " "
                                + layout.magnitudesMemberBytes
                                + " 0");
    }

    /** The headers of a two-array {@code .npz} laid out as {@link NpzWriter} lays it out. */
    private static final class SparseLayout {
        final TreeMap<Long, byte[]> regions = new TreeMap<>();
        long imagesDataOffset;
        long imagesMemberBytes;
        long magnitudesHeaderOffset;
        long magnitudesDataOffset;
        long magnitudesMemberBytes;
        long length;

        static SparseLayout build() {
            SparseLayout layout = new SparseLayout();
            long[] imagesShape = {IMAGE_ROWS, 1, 2, 2};
            long[] magnitudesShape = {IMAGE_ROWS, 1};
            byte[] imagesName = "images.npy".getBytes(StandardCharsets.US_ASCII);
            byte[] magnitudesName = "magnitudes.npy".getBytes(StandardCharsets.US_ASCII);
            byte[] imagesHeader = NpyHeaderFormat.encodeV1(NpyDType.FLOAT32_LE, imagesShape);
            byte[] magnitudesHeader =
                    NpyHeaderFormat.encodeV1(NpyDType.FLOAT32_LE, magnitudesShape);

            layout.imagesMemberBytes = imagesHeader.length + IMAGE_ROWS * 16;
            long imagesNpy = 30 + imagesName.length + 20;
            layout.imagesDataOffset = imagesNpy + imagesHeader.length;
            layout.regions.put(0L, ZipFormat.localHeader(imagesName, 0, layout.imagesMemberBytes));
            layout.regions.put(imagesNpy, imagesHeader);

            layout.magnitudesHeaderOffset = imagesNpy + layout.imagesMemberBytes;
            layout.magnitudesMemberBytes = magnitudesHeader.length + IMAGE_ROWS * 4;
            long magnitudesNpy = layout.magnitudesHeaderOffset + 30 + magnitudesName.length + 20;
            layout.magnitudesDataOffset = magnitudesNpy + magnitudesHeader.length;
            layout.regions.put(
                    layout.magnitudesHeaderOffset,
                    ZipFormat.localHeader(magnitudesName, 0, layout.magnitudesMemberBytes));
            layout.regions.put(magnitudesNpy, magnitudesHeader);

            long directory = magnitudesNpy + layout.magnitudesMemberBytes;
            byte[] first = ZipFormat.centralHeader(imagesName, 0, layout.imagesMemberBytes, 0);
            byte[] second =
                    ZipFormat.centralHeader(
                            magnitudesName,
                            0,
                            layout.magnitudesMemberBytes,
                            layout.magnitudesHeaderOffset);
            layout.regions.put(directory, first);
            layout.regions.put(directory + first.length, second);
            long directorySize = first.length + second.length;
            byte[] end = ZipFormat.endRecords(2, directory, directorySize);
            layout.regions.put(directory + directorySize, end);
            layout.length = directory + directorySize + end.length;
            return layout;
        }

        ByteRangeSource source() {
            return new SparseSource(regions, length);
        }
    }

    /** An object of zeros except for the given regions, without allocating its length. */
    private record SparseSource(TreeMap<Long, byte[]> regions, long length)
            implements ByteRangeSource {

        @Override
        public String key() {
            return "sparse.npz";
        }

        @Override
        public byte[] read(long offset, int count) throws IOException {
            if (offset + count > length) {
                throw new EOFException("past the end");
            }
            byte[] out = new byte[count];
            for (Map.Entry<Long, byte[]> region : regions.entrySet()) {
                long start = Math.max(offset, region.getKey());
                long end = Math.min(offset + count, region.getKey() + region.getValue().length);
                if (start < end) {
                    System.arraycopy(
                            region.getValue(),
                            (int) (start - region.getKey()),
                            out,
                            (int) (start - offset),
                            (int) (end - start));
                }
            }
            return out;
        }

        @Override
        public InputStream openRange(long offset, long count) throws IOException {
            return new ByteArrayInputStream(read(offset, Math.toIntExact(count)));
        }
    }
}
