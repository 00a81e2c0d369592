package dev.cai.local.cli;

import dev.cai.plan.ByteSize;
import dev.cai.render.GenerationReport;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cai dataset}: datasets for demos and load tests. */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Creates datasets.",
        subcommands = DatasetCommand.Generate.class)
final class DatasetCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code cai dataset generate}. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description =
                    "Writes a synthetic .npz of rendered galaxies (images 5x64x64 in nanomaggies,"
                            + " magnitudes, redshifts, object ids), seeded and reproducible.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--size", description = "Approximate file size, e.g. 1GB, 500MiB.")
        String size;

        @Option(names = "--samples", description = "Number of galaxies; overrides --size.")
        Long samples;

        @Option(names = "--out", required = true, description = "The .npz file to write.")
        Path out;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--stamp-size",
                defaultValue = "64",
                description = "Stamp width and height in pixels (default: ${DEFAULT-VALUE}).")
        int stampSize;

        @Option(names = "--no-redshifts", description = "Leave out the redshifts array.")
        boolean noRedshifts;

        @Override
        public Integer call() {
            if (size == null && samples == null) {
                System.err.println("cai dataset generate: give --size (e.g. 1GB) or --samples");
                return 2;
            }
            long count =
                    samples != null
                            ? samples
                            : SyntheticDataset.samplesForBytes(
                                    ByteSize.parse(size), stampSize, !noRedshifts);
            GenerationReport report =
                    SyntheticDataset.generate(
                            new GenerationRequest(out, count, seed, !noRedshifts, stampSize));
            double megabytes = report.bytes() / 1e6;
            System.out.printf(
                    "Wrote %s: %,d samples, %,.1f MB in %.1f s (%,.1f MB/s)%n",
                    report.file(),
                    report.samples(),
                    megabytes,
                    report.seconds(),
                    report.seconds() == 0 ? 0 : megabytes / report.seconds());
            return 0;
        }
    }
}
