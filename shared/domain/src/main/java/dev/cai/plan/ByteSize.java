package dev.cai.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats byte sizes. Decimal units (KB, MB, GB, TB) are powers of 1000 and binary units
 * (KiB, MiB, GiB, TiB) powers of 1024, as in IEC 80000-13. Units are case-insensitive.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

    private static final List<Unit> UNITS =
            List.of(
                    new Unit("TB", 1_000_000_000_000L),
                    new Unit("GB", 1_000_000_000L),
                    new Unit("MB", 1_000_000L),
                    new Unit("KB", 1_000L),
                    new Unit("TiB", 1L << 40),
                    new Unit("GiB", 1L << 30),
                    new Unit("MiB", 1L << 20),
                    new Unit("KiB", 1L << 10),
                    new Unit("B", 1L));

    private ByteSize() {}

    /**
     * Parses a size such as {@code 25MB}, {@code 1.5 GiB} or {@code 4096}. A fraction of a byte is
     * rounded down.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static long parse(String text) {
        Matcher matcher = text == null ? null : SIZE.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw invalid(text, null);
        }
        long multiplier = multiplier(text, matcher.group(2));
        try {
            return new BigDecimal(matcher.group(1))
                    .multiply(BigDecimal.valueOf(multiplier))
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "invalid size '" + text + "': expected at most " + Long.MAX_VALUE + " bytes",
                    e);
        }
    }

    /**
     * Formats a byte count with at most two decimals in the largest decimal unit not above it, or
     * the largest binary unit when only that one is exact: {@code 25MB}, {@code 1.5GB}, {@code
     * 1GiB}, {@code 1.54KB}, {@code 999B}.
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "-" + format(-Math.max(bytes, -Long.MAX_VALUE));
        }
        Scaled decimal = scale(bytes, UNITS.subList(0, 4));
        if (decimal == null) {
            return bytes + "B";
        }
        Scaled binary = scale(bytes, UNITS.subList(4, 8));
        Scaled chosen = !decimal.exact && binary != null && binary.exact ? binary : decimal;
        return chosen.value.stripTrailingZeros().toPlainString() + chosen.unit.symbol;
    }

    /** Returns {@code bytes} in the largest of {@code units} not above it, or null if none. */
    private static Scaled scale(long bytes, List<Unit> units) {
        for (Unit unit : units) {
            if (bytes >= unit.bytes) {
                BigDecimal value =
                        BigDecimal.valueOf(bytes)
                                .divide(BigDecimal.valueOf(unit.bytes), 2, RoundingMode.HALF_UP);
                boolean exact =
                        value.multiply(BigDecimal.valueOf(unit.bytes))
                                        .compareTo(BigDecimal.valueOf(bytes))
                                == 0;
                return new Scaled(value, unit, exact);
            }
        }
        return null;
    }

    private static long multiplier(String text, String symbol) {
        if (symbol.isEmpty()) {
            return 1;
        }
        for (Unit unit : UNITS) {
            if (unit.symbol.toLowerCase(Locale.ROOT).equals(symbol.toLowerCase(Locale.ROOT))) {
                return unit.bytes;
            }
        }
        throw invalid(text, null);
    }

    private static IllegalArgumentException invalid(String text, Throwable cause) {
        return new IllegalArgumentException(
                "invalid size '"
                        + text
                        + "': expected a number with a unit such as 25MB or 1GiB (B, KB, MB, GB,"
                        + " TB, KiB, MiB, GiB, TiB)",
                cause);
    }

    private record Unit(String symbol, long bytes) {}

    private record Scaled(BigDecimal value, Unit unit, boolean exact) {}
}
