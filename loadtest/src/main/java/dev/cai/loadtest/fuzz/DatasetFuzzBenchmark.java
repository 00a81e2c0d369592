package dev.cai.loadtest.fuzz;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.ByteArrayRangeSource;
import dev.cai.dataset.DatasetFormatException;
import dev.cai.dataset.DatasetInspector;
import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.NpyDType;
import dev.cai.dataset.NpzWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs mutated {@code .npz} files through {@link DatasetInspector} in memory and prints how many
 * were accepted, how many were rejected (grouped by the first words of the message) and how many
 * failed any other way, which is a bug in the reader.
 *
 * <p>Usage: {@code DatasetFuzzBenchmark [--count N] [--seed S] [--max-seconds T] [file.npz ...]}.
 * Without files, it mutates three small datasets written by {@link NpzWriter}. The exit code is 1
 * when any bug was found.
 */
public final class DatasetFuzzBenchmark {

    private static final int DEFAULT_COUNT = 100_000;
    private static final long DEFAULT_SEED = 20_261_204L;
    private static final long DEFAULT_MAX_SECONDS = 600;
    private static final int MESSAGE_WORDS = 5;
    private static final int EXAMPLES = 5;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> bugExamples = new ArrayList<>();
    private int bugs;
    private int runs;

    private DatasetFuzzBenchmark() {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        List<byte[]> seeds = options.files().isEmpty() ? generatedSeeds() : read(options.files());
        DatasetFuzzBenchmark benchmark = new DatasetFuzzBenchmark();
        long started = System.nanoTime();
        benchmark.run(seeds, options);
        double seconds = (System.nanoTime() - started) / 1e9;

        benchmark.print(seconds);
        if (benchmark.bugs > 0) {
            System.exit(1);
        }
    }

    private void run(List<byte[]> seeds, Options options) {
        ByteMutator mutator = new ByteMutator(options.seed());
        long deadline = System.nanoTime() + options.maxSeconds() * 1_000_000_000L;
        for (int i = 0; i < options.count() && System.nanoTime() < deadline; i++) {
            byte[] mutated = mutator.mutate(seeds.get(i % seeds.size()));
            record(i, inspect(mutated));
            runs++;
        }
    }

    /** Returns the outcome label, or null after recording a bug. */
    private static Outcome inspect(byte[] bytes) {
        try {
            DatasetLayout layout =
                    DatasetInspector.inspectNpz(
                            new ByteArrayRangeSource("fuzz.npz", bytes), ArrayNames.DEFAULT);
            for (ArrayLayout array : layout.arrays().values()) {
                if (array.dataOffset() + array.dataBytes() > bytes.length) {
                    return Outcome.bug("accepted " + array + " beyond " + bytes.length + " bytes");
                }
            }
            return Outcome.of("accepted");
        } catch (DatasetFormatException e) {
            return Outcome.of("rejected: " + firstWords(e.getMessage()));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return Outcome.bug(e.toString());
        }
    }

    private void record(int index, Outcome outcome) {
        String label = outcome.bug == null ? outcome.label : "BUG: " + outcome.bug.split(":")[0];
        outcomes.merge(label, 1, Integer::sum);
        if (outcome.bug != null) {
            bugs++;
            if (bugExamples.size() < EXAMPLES) {
                bugExamples.add("mutation " + index + ": " + outcome.bug);
            }
        }
    }

    private void print(double seconds) {
        System.out.printf(
                "%d mutated files in %.1f s (%.0f per second)%n", runs, seconds, runs / seconds);
        outcomes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("%8d  %s%n", entry.getValue(), entry.getKey()));
        System.out.printf("bugs (anything but acceptance or DatasetFormatException): %d%n", bugs);
        bugExamples.forEach(example -> System.out.println("  " + example));
    }

    /**
     * Returns the first words of a message after its {@code key: } prefix, with member names,
     * quoted values and numbers masked so that messages about the same check group together.
     */
    private static String firstWords(String message) {
        String text =
                message.substring(message.indexOf(": ") + 2)
                        .replaceAll("(member|entry) .*?\\.npy\\S*", "$1 *")
                        .replaceAll("'[^']*'", "*")
                        .replaceAll("\\d+", "#");
        String[] words = text.split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(MESSAGE_WORDS, words.length)));
    }

    private static List<byte[]> read(List<Path> files) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : files) {
            seeds.add(Files.readAllBytes(file));
        }
        return seeds;
    }

    /** Writes three small valid datasets with different dtypes and returns their bytes. */
    private static List<byte[]> generatedSeeds() throws IOException {
        Path folder = Files.createTempDirectory("cai-fuzz-");
        try {
            return List.of(
                    writeSeed(folder.resolve("a.npz"), "<f4", "<f4", "<i8"),
                    writeSeed(folder.resolve("b.npz"), ">f8", "<f2", ">u4"),
                    writeSeed(folder.resolve("c.npz"), "<f2", ">f4", "|i1"));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static byte[] writeSeed(Path file, String imageType, String floatType, String idType)
            throws IOException {
        int rows = 2;
        List<NpzWriter.ArraySpec> specs =
                List.of(
                        new NpzWriter.ArraySpec(
                                "images", NpyDType.parse(imageType), new long[] {rows, 2, 2, 2}),
                        new NpzWriter.ArraySpec(
                                "magnitudes", NpyDType.parse(floatType), new long[] {rows, 2}),
                        new NpzWriter.ArraySpec(
                                "redshifts", NpyDType.parse(floatType), new long[] {rows}),
                        new NpzWriter.ArraySpec(
                                "object_ids", NpyDType.parse(idType), new long[] {rows}));
        try (NpzWriter writer = new NpzWriter(file, specs)) {
            writer.writeRows("images", new float[rows * 8], 0, rows * 8);
            writer.writeRows("magnitudes", new float[] {20, 21, 22, 23}, 0, rows * 2);
            writer.writeRows("redshifts", new float[] {0.5f, 1.5f}, 0, rows);
            writer.writeRows("object_ids", new long[] {1, 2}, 0, rows);
        }
        return Files.readAllBytes(file);
    }

    /** The result of one inspection: an outcome label, or a bug description. */
    private record Outcome(String label, String bug) {
        static Outcome of(String label) {
            return new Outcome(label, null);
        }

        static Outcome bug(String description) {
            return new Outcome(null, description);
        }
    }

    /** Command-line options. */
    private record Options(int count, long seed, long maxSeconds, List<Path> files) {

        static Options parse(String[] args) {
            int count = DEFAULT_COUNT;
            long seed = DEFAULT_SEED;
            long maxSeconds = DEFAULT_MAX_SECONDS;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--count" -> count = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--max-seconds" -> maxSeconds = Long.parseLong(value(args, ++i));
                    default -> files.add(Path.of(args[i]));
                }
            }
            if (count < 1 || maxSeconds < 1) {
                throw new IllegalArgumentException(
                        "invalid --count "
                                + count
                                + " or --max-seconds "
                                + maxSeconds
                                + ": expected both >= 1");
            }
            return new Options(count, seed, maxSeconds, files);
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException(
                        "missing value for " + args[index - 1] + ": expected a number");
            }
            return args[index];
        }
    }
}
