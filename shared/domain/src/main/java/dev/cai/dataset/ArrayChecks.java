package dev.cai.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rules an array and a whole dataset must meet before partitions can be planned. */
final class ArrayChecks {

    private ArrayChecks() {}

    /**
     * Validates one array's header and returns its layout.
     *
     * @param key the object that contains the array
     * @param canonical the canonical array name
     * @param fileName the array's name inside the file
     * @param dataOffset absolute offset of the first data byte
     * @param availableBytes bytes from {@code dataOffset} to the end of the member or object
     */
    static ArrayLayout toLayout(
            String key,
            String canonical,
            String fileName,
            NpyHeader header,
            long dataOffset,
            long availableBytes) {
        String label = label(canonical, fileName);
        String shapeText = NpyHeaderFormat.shapeLiteral(header.shape());
        NpyDType dtype = parseDType(key, label, header.descr(), canonical);
        checkRank(key, label, canonical, header.shape());
        if (header.fortranOrder() && header.shape().length > 1) {
            throw new DatasetFormatException(
                    key,
                    label
                            + " with shape "
                            + shapeText
                            + " is stored with fortran_order True: expected C order; re-save it"
                            + " with np.ascontiguousarray(array)");
        }
        for (int i = 1; i < header.shape().length; i++) {
            if (header.shape()[i] == 0) {
                throw new DatasetFormatException(
                        key,
                        label
                                + " has shape "
                                + shapeText
                                + " with empty rows: expected every dimension after the first > 0");
            }
        }

        ArrayLayout layout = new ArrayLayout(canonical, key, dataOffset, dtype, header.shape());
        long dataBytes;
        try {
            dataBytes = layout.dataBytes();
        } catch (ArithmeticException e) {
            throw new DatasetFormatException(
                    key,
                    label
                            + " has shape "
                            + shapeText
                            + " of "
                            + dtype
                            + " whose byte size overflows 64 bits: expected a shape that fits the"
                            + " object",
                    e);
        }
        if (dataBytes > availableBytes) {
            throw new DatasetFormatException(
                    key,
                    "file is truncated or corrupt: "
                            + label
                            + " with shape "
                            + shapeText
                            + " of "
                            + dtype
                            + " needs "
                            + dataBytes
                            + " bytes but only "
                            + availableBytes
                            + " follow its header");
        }
        return layout;
    }

    /** Checks the rules that span arrays: row counts, bands and the required arrays' presence. */
    static void checkDataset(String key, Map<String, ArrayLayout> arrays) {
        ArrayLayout images = arrays.get(DatasetLayout.IMAGES);
        ArrayLayout magnitudes = arrays.get(DatasetLayout.MAGNITUDES);
        Map<String, Long> rows = new LinkedHashMap<>();
        arrays.forEach((name, layout) -> rows.put(name, layout.rows()));
        if (rows.values().stream().distinct().count() > 1) {
            throw new DatasetFormatException(
                    key,
                    "arrays have different row counts: "
                            + rows.toString().replaceAll("[{}]", "")
                            + "; expected the same number of rows in every array");
        }
        if (images.shape()[1] != magnitudes.shape()[1]) {
            throw new DatasetFormatException(
                    key,
                    "magnitudes have "
                            + magnitudes.shape()[1]
                            + " bands (shape "
                            + NpyHeaderFormat.shapeLiteral(magnitudes.shape())
                            + ") but images have "
                            + images.shape()[1]
                            + " (shape "
                            + NpyHeaderFormat.shapeLiteral(images.shape())
                            + "): expected one magnitude per image band");
        }
        if (images.rows() == 0) {
            throw new DatasetFormatException(
                    key, "dataset has 0 rows: expected at least one" + " sample in every array");
        }
    }

    private static NpyDType parseDType(String key, String label, String descr, String canonical) {
        NpyDType dtype;
        try {
            dtype = NpyDType.parse(descr);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(
                    key,
                    label
                            + " has dtype '"
                            + descr
                            + "': expected a numeric dtype such as <f4, <f8 or <i8 (object and"
                            + " string arrays cannot be read by byte range)",
                    e);
        }
        if (canonical.equals(DatasetLayout.OBJECT_IDS) && !dtype.isInteger()) {
            throw new DatasetFormatException(
                    key,
                    label + " has dtype '" + descr + "': expected an integer dtype such as <i8");
        }
        if (!dtype.isFloat() && !dtype.isInteger()) {
            throw new DatasetFormatException(
                    key,
                    label
                            + " has dtype '"
                            + descr
                            + "': expected a float or integer dtype such as <f4");
        }
        return dtype;
    }

    private static void checkRank(String key, String label, String canonical, long[] shape) {
        int expected;
        String axes;
        switch (canonical) {
            case DatasetLayout.IMAGES -> {
                expected = 4;
                axes = "(N, bands, H, W)";
            }
            case DatasetLayout.MAGNITUDES -> {
                expected = 2;
                axes = "(N, bands)";
            }
            default -> {
                expected = 1;
                axes = "(N,)";
            }
        }
        if (shape.length != expected) {
            throw new DatasetFormatException(
                    key,
                    label
                            + " has shape "
                            + NpyHeaderFormat.shapeLiteral(shape)
                            + " of rank "
                            + shape.length
                            + ": expected rank "
                            + expected
                            + " "
                            + axes);
        }
    }

    private static String label(String canonical, String fileName) {
        return canonical.equals(fileName)
                ? "array '" + canonical + "'"
                : "array '" + canonical + "' (stored as '" + fileName + "')";
    }
}
