package dev.cai.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corrupts valid {@code .npz} files at random (fixed seed) and checks that the inspector either
 * accepts a consistent layout or throws {@link DatasetFormatException}, and nothing else.
 */
class DatasetMutationTest {

    private static final int MUTATIONS = 2_000;
    private static final long SEED = 20_261_204L;
    private static final List<String> SEEDS =
            List.of("float16.npz", "bigendian.npz", "versions.npz");

    @Test
    void inspectNpz_mutatedFiles_onlyFormatErrors() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> unexpected = new ArrayList<>();
        int rejected = 0;

        for (int i = 0; i < MUTATIONS; i++) {
            String seed = SEEDS.get(i % SEEDS.size());
            byte[] mutated = mutate(Fixtures.bytes(seed), random);
            try {
                DatasetLayout layout =
                        DatasetInspector.inspectNpz(
                                new ByteArrayRangeSource(seed, mutated), ArrayNames.DEFAULT);
                checkConsistent(layout, mutated.length);
            } catch (DatasetFormatException e) {
                rejected++;
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                unexpected.add("mutation " + i + " of " + seed + ": " + e);
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(rejected).as("mutations rejected").isGreaterThan(MUTATIONS / 10);
    }

    private static void checkConsistent(DatasetLayout layout, long length) {
        for (ArrayLayout array : layout.arrays().values()) {
            if (array.dataOffset() < 0 || array.dataOffset() + array.dataBytes() > length) {
                throw new IllegalStateException("accepted " + array + " outside " + length);
            }
        }
    }

    /** Applies one to three random edits: byte flips, 32-bit field values, cuts, header text. */
    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> putInt(bytes, at, interesting(random, bytes.length));
                case 3 -> bytes = Arrays.copyOf(bytes, at);
                case 4 -> bytes = replaceText(bytes, random);
                default -> bytes = cutRange(bytes, at, random);
            }
            if (bytes.length == 0) {
                return bytes;
            }
        }
        return bytes;
    }

    private static int interesting(SplittableRandom random, int length) {
        int[] values = {
            0,
            1,
            -1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            0xFFFF,
            length,
            length + 1,
            length - 30,
            1 << 20
        };
        return values[random.nextInt(values.length)];
    }

    private static void putInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4 && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Replaces a token of a {@code .npy} header, keeping the length where the token allows. */
    private static byte[] replaceText(byte[] bytes, SplittableRandom random) {
        String[][] swaps = {
            {"(2,", "(9999999999999,"},
            {"False", "True "},
            {"<f", "|O"},
            {"'shape'", "'shap' "},
            {", }", ",,}"},
            {"(2,", "((2,"},
            {"'<", "\"<"},
            {"(2, 1", "(2, 0"},
            {"(2,", "(-2,"}
        };
        String[] swap = swaps[random.nextInt(swaps.length)];
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

    private static byte[] cutRange(byte[] bytes, int at, SplittableRandom random) {
        int count = Math.min(bytes.length - at, 1 + random.nextInt(64));
        byte[] out = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, bytes.length - at - count);
        return out;
    }
}
