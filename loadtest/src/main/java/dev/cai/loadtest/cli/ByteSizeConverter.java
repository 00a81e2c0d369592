package dev.cai.loadtest.cli;

import dev.cai.plan.ByteSize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts option values like {@code 25MB} or {@code 12.6GiB} to bytes, see {@link ByteSize}. */
public final class ByteSizeConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            return ByteSize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
