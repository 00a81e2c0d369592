package dev.cai.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arrays of one dataset, by name, all with the same row count.
 *
 * <p>Required arrays are {@code images} (N, bands, H, W) and {@code magnitudes} (N, bands); {@code
 * redshifts} (N,) and {@code object_ids} (N,) are optional.
 *
 * @param sourceKey the object that started the job: the {@code .npz}, or the {@code images.npy} of
 *     a folder of {@code .npy} files
 * @param arrays the arrays by canonical name, in a stable order
 * @param headerBytesRead how many bytes the inspection read with ranged GETs
 */
public record DatasetLayout(
        String sourceKey, Map<String, ArrayLayout> arrays, long headerBytesRead) {

    public static final String IMAGES = "images";
    public static final String MAGNITUDES = "magnitudes";
    public static final String REDSHIFTS = "redshifts";
    public static final String OBJECT_IDS = "object_ids";

    public DatasetLayout {
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    public ArrayLayout images() {
        return arrays.get(IMAGES);
    }

    public ArrayLayout magnitudes() {
        return arrays.get(MAGNITUDES);
    }

    public Optional<ArrayLayout> redshifts() {
        return Optional.ofNullable(arrays.get(REDSHIFTS));
    }

    public Optional<ArrayLayout> objectIds() {
        return Optional.ofNullable(arrays.get(OBJECT_IDS));
    }

    /** Returns the row count shared by every array. */
    public long rows() {
        return images().rows();
    }

    /** Returns the bytes of one sample across every array. */
    public long bytesPerRow() {
        long total = 0;
        for (ArrayLayout array : arrays.values()) {
            total = Math.addExact(total, array.rowBytes());
        }
        return total;
    }

    /** Returns the dataset's data size in bytes, headers excluded. */
    public long dataBytes() {
        return Math.multiplyExact(rows(), bytesPerRow());
    }
}
