package dev.cai.loadtest.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random edits to a file's bytes, aimed at what a dataset reader parses: single bits and bytes,
 * 16-, 32- and 64-bit fields set to boundary values, cuts, inserted bytes and edits to the {@code
 * .npy} header text. The same seed gives the same sequence of mutations.
 */
final class ByteMutator {

    /** Header tokens and their corrupt replacements. */
    private static final String[][] TEXT_SWAPS = {
        {"(2,", "(9999999999999,"},
        {"(2,", "(99999999999999999999,"},
        {"False", "True "},
        {"<f", "|O"},
        {"<f", "<U"},
        {"'shape'", "'shap' "},
        {", }", ",,}"},
        {"(2,", "((2,"},
        {"'<", "\"<"},
        {"(2, 1", "(2, 0"},
        {"(2,", "(-2,"},
        {"{'descr'", "['descr'"},
        {"'descr': '<f4'", "'descr': [('a', '<f4')]"},
        {"}", ""},
        {"'", ""},
        {"(", "(" + "(".repeat(40)},
    };

    private final SplittableRandom random;

    ByteMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Returns a mutated copy of {@code original} with one to four edits. */
    byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            bytes =
                    switch (random.nextInt(8)) {
                        case 0 -> flipBit(bytes, at);
                        case 1 -> setByte(bytes, at);
                        case 2 -> putLittleEndian(bytes, at, 2, boundary(bytes.length));
                        case 3 -> putLittleEndian(bytes, at, 4, boundary(bytes.length));
                        case 4 -> putLittleEndian(bytes, at, 8, boundary(bytes.length));
                        case 5 -> Arrays.copyOf(bytes, at);
                        case 6 -> random.nextBoolean() ? cut(bytes, at) : insert(bytes, at);
                        default -> swapText(bytes);
                    };
        }
        return bytes;
    }

    private byte[] flipBit(byte[] bytes, int at) {
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private byte[] setByte(byte[] bytes, int at) {
        bytes[at] = (byte) random.nextInt(256);
        return bytes;
    }

    private long boundary(int length) {
        long[] values = {
            0,
            1,
            -1,
            0x7F,
            0xFF,
            0x7FFF,
            0xFFFF,
            Integer.MAX_VALUE,
            0xFFFFFFFFL,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            length,
            length + 1L,
            length - 22L,
            length - 30L,
            1 << 20,
            (1 << 20) + 1
        };
        return values[random.nextInt(values.length)];
    }

    private static byte[] putLittleEndian(byte[] bytes, int at, int width, long value) {
        for (int i = 0; i < width && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private byte[] cut(byte[] bytes, int at) {
        int count = Math.min(bytes.length - at, 1 + random.nextInt(256));
        byte[] out = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, bytes.length - at - count);
        return out;
    }

    private byte[] insert(byte[] bytes, int at) {
        int count = 1 + random.nextInt(64);
        byte[] out = new byte[bytes.length + count];
        System.arraycopy(bytes, 0, out, 0, at);
        for (int i = 0; i < count; i++) {
            out[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, out, at + count, bytes.length - at);
        return out;
    }

    private byte[] swapText(byte[] bytes) {
        String[] swap = TEXT_SWAPS[random.nextInt(TEXT_SWAPS.length)];
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(swap[0], random.nextInt(text.length()));
        if (at < 0) {
            at = text.indexOf(swap[0]);
        }
        if (at < 0) {
            return bytes;
        }
        String replaced = text.substring(0, at) + swap[1] + text.substring(at + swap[0].length());
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }
}
