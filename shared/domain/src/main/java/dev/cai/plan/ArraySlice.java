package dev.cai.plan;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.NpyDType;

/**
 * One array's rows of one partition: enough to read them with a single ranged GET.
 *
 * @param name the array's canonical name
 * @param key the object that contains the array
 * @param dataOffset absolute byte offset of the array's row 0
 * @param dtype the stored type string, for example {@code <f4}
 * @param shape the whole array's shape
 */
public record ArraySlice(String name, String key, long dataOffset, String dtype, long[] shape) {

    public static ArraySlice of(ArrayLayout layout) {
        return new ArraySlice(
                layout.name(),
                layout.key(),
                layout.dataOffset(),
                layout.dtype().descr(),
                layout.shape());
    }

    public ArrayLayout toLayout() {
        return new ArrayLayout(name, key, dataOffset, NpyDType.parse(dtype), shape);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Returns the absolute byte offset of {@code row} in the object. */
    public long offsetOf(long row) {
        return toLayout().rowOffset(row);
    }

    public long rowBytes() {
        return toLayout().rowBytes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArraySlice that
                && name.equals(that.name)
                && key.equals(that.key)
                && dataOffset == that.dataOffset
                && dtype.equals(that.dtype)
                && java.util.Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Long.hashCode(dataOffset);
    }
}
