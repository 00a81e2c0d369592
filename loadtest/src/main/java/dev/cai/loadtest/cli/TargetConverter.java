package dev.cai.loadtest.cli;

import dev.cai.loadtest.sweep.Target;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code local} or {@code aws}, in any case, to a {@link Target}. */
public final class TargetConverter implements ITypeConverter<Target> {

    @Override
    public Target convert(String value) {
        try {
            return Target.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "invalid target '" + value + "': expected local or aws");
        }
    }
}
