package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the layout of a dataset from its headers alone, with a few small ranged reads, so that
 * planning costs the same for ten rows and ten billion.
 *
 * <p>Every problem with the file surfaces as a {@link DatasetFormatException} naming the object,
 * the bad value and what is expected. The only other exception is an {@link IOException} from the
 * source itself.
 */
public final class DatasetInspector {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetInspector.class);
    private static final String NPY_SUFFIX = ".npy";

    private DatasetInspector() {}

    /**
     * Inspects an {@code .npz} archive written by {@code np.savez}. Members that {@code names} does
     * not map are ignored and never read.
     */
    public static DatasetLayout inspectNpz(ByteRangeSource npz, ArrayNames names)
            throws IOException {
        RangeReader reader = new RangeReader(npz);
        try {
            List<ZipDirectoryReader.Entry> entries = ZipDirectoryReader.read(reader);
            Map<String, ZipDirectoryReader.Entry> members = new LinkedHashMap<>();
            for (ZipDirectoryReader.Entry entry : entries) {
                if (entry.name().endsWith(NPY_SUFFIX)) {
                    members.putIfAbsent(stripSuffix(entry.name()), entry);
                }
            }
            checkRequired(reader.key(), names, members.keySet());

            Map<String, ArrayLayout> arrays = new LinkedHashMap<>();
            for (String canonical : ArrayNames.CANONICAL) {
                ZipDirectoryReader.Entry entry = members.get(names.fileName(canonical));
                if (entry != null) {
                    arrays.put(
                            canonical,
                            readMember(reader, entry, canonical, names.fileName(canonical)));
                }
            }
            ArrayChecks.checkDataset(reader.key(), arrays);
            return logged(new DatasetLayout(reader.key(), arrays, reader.bytesRead()));
        } catch (DatasetFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(reader.key(), e);
        }
    }

    /**
     * Inspects a dataset stored as one {@code .npy} file per array, named {@code NAME.npy} after
     * the array. Files that {@code names} does not map are ignored and never read.
     *
     * @param sourceKey the object that started the job, used in messages about the whole dataset
     */
    public static DatasetLayout inspectNpyFolder(
            String sourceKey, List<ByteRangeSource> npyFiles, ArrayNames names) throws IOException {
        Map<String, ByteRangeSource> files = new LinkedHashMap<>();
        for (ByteRangeSource file : npyFiles) {
            String fileName = file.key().substring(file.key().lastIndexOf('/') + 1);
            if (fileName.endsWith(NPY_SUFFIX)) {
                files.putIfAbsent(stripSuffix(fileName), file);
            }
        }
        checkRequired(sourceKey, names, files.keySet());

        Map<String, ArrayLayout> arrays = new LinkedHashMap<>();
        long bytesRead = 0;
        for (String canonical : ArrayNames.CANONICAL) {
            ByteRangeSource file = files.get(names.fileName(canonical));
            if (file == null) {
                continue;
            }
            RangeReader reader = new RangeReader(file);
            try {
                arrays.put(canonical, readNpyFile(reader, canonical, names.fileName(canonical)));
            } catch (DatasetFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw unreadable(reader.key(), e);
            } finally {
                bytesRead += reader.bytesRead();
            }
        }
        try {
            ArrayChecks.checkDataset(sourceKey, arrays);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(sourceKey, e);
        }
        return logged(new DatasetLayout(sourceKey, arrays, bytesRead));
    }

    private static DatasetLayout logged(DatasetLayout layout) {
        LOG.debug(
                "inspected {}: {} rows of {} bytes in arrays {}, {} header bytes read",
                layout.sourceKey(),
                layout.rows(),
                layout.bytesPerRow(),
                layout.arrays().keySet(),
                layout.headerBytesRead());
        return layout;
    }

    private static ArrayLayout readMember(
            RangeReader reader, ZipDirectoryReader.Entry entry, String canonical, String fileName)
            throws IOException {
        String region = "member " + entry.name();
        checkStoredMember(reader, entry, region);
        ByteBuffer local =
                ByteBuffer.wrap(
                                reader.read(
                                        entry.localHeaderOffset(),
                                        ZipFormat.LOCAL_HEADER_BYTES,
                                        "local header of " + region))
                        .order(ByteOrder.LITTLE_ENDIAN);
        if (local.getInt(0) != ZipFormat.LOCAL_HEADER_SIGNATURE) {
            throw new DatasetFormatException(
                    reader.key(),
                    "no ZIP local header at offset "
                            + entry.localHeaderOffset()
                            + " for "
                            + region
                            + ": the file is corrupt");
        }
        if ((Short.toUnsignedInt(local.getShort(6)) & ZipFormat.FLAG_ENCRYPTED) != 0) {
            throw encrypted(reader, region);
        }

        // The data offset comes from the local header: np.savez writes a 20-byte ZIP64 extra
        // field there but none in the central directory, so the two extra lengths differ.
        int nameLength = Short.toUnsignedInt(local.getShort(26));
        int extraLength = Short.toUnsignedInt(local.getShort(28));
        long npyStart =
                entry.localHeaderOffset() + ZipFormat.LOCAL_HEADER_BYTES + nameLength + extraLength;
        long memberBytes = entry.uncompressedSize();
        reader.checkRange(npyStart, memberBytes, region);

        NpyHeader header = NpyHeaderReader.read(reader, npyStart, memberBytes, region);
        return ArrayChecks.toLayout(
                reader.key(),
                canonical,
                fileName,
                header,
                npyStart + header.headerBytes(),
                memberBytes - header.headerBytes());
    }

    private static void checkStoredMember(
            RangeReader reader, ZipDirectoryReader.Entry entry, String region) {
        if ((entry.flags() & ZipFormat.FLAG_ENCRYPTED) != 0) {
            throw encrypted(reader, region);
        }
        if (entry.method() != ZipFormat.METHOD_STORED) {
            String method = entry.method() == 8 ? "8 (deflate)" : String.valueOf(entry.method());
            throw new DatasetFormatException(
                    reader.key(),
                    region
                            + " is compressed with method "
                            + method
                            + ", so the file was written by np.savez_compressed and its rows"
                            + " cannot be read by byte range; save it with np.savez instead");
        }
        if (entry.compressedSize() != entry.uncompressedSize()) {
            throw new DatasetFormatException(
                    reader.key(),
                    region
                            + " is stored but its sizes"
                            + " differ ("
                            + entry.compressedSize()
                            + " compressed, "
                            + entry.uncompressedSize()
                            + " uncompressed): the file is corrupt");
        }
    }

    private static ArrayLayout readNpyFile(RangeReader reader, String canonical, String fileName)
            throws IOException {
        NpyHeader header = NpyHeaderReader.read(reader, 0, reader.length(), "file");
        return ArrayChecks.toLayout(
                reader.key(),
                canonical,
                fileName,
                header,
                header.headerBytes(),
                reader.length() - header.headerBytes());
    }

    private static void checkRequired(String key, ArrayNames names, Iterable<String> found) {
        List<String> foundNames = new ArrayList<>();
        found.forEach(foundNames::add);
        for (String required : List.of(DatasetLayout.IMAGES, DatasetLayout.MAGNITUDES)) {
            String fileName = names.fileName(required);
            if (!foundNames.contains(fileName)) {
                throw new DatasetFormatException(
                        key,
                        "missing required array '"
                                + required
                                + "' (expected "
                                + fileName
                                + NPY_SUFFIX
                                + "); arrays found: "
                                + foundNames
                                + "; map other names with --array-names "
                                + required
                                + "=NAME (cai run) or the ARRAY_NAMES setting (Lambda)");
            }
        }
    }

    private static DatasetFormatException encrypted(RangeReader reader, String region) {
        return new DatasetFormatException(
                reader.key(),
                region + " is encrypted: expected an" + " unencrypted .npz written by np.savez");
    }

    private static DatasetFormatException unreadable(String key, RuntimeException e) {
        return new DatasetFormatException(
                key,
                "invalid dataset header ("
                        + e
                        + "): expected an .npz or .npy file written by NumPy",
                e);
    }

    private static String stripSuffix(String name) {
        return name.substring(0, name.length() - NPY_SUFFIX.length());
    }
}
