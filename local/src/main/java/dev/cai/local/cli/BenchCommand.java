package dev.cai.local.cli;

import dev.cai.loadtest.fuzz.DatasetFuzzBenchmark;
import dev.cai.loadtest.predictor.PredictorBenchmark;
import dev.cai.local.fault.FaultSoak;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cai bench}: the benchmarks that are not sweeps, each a program that prints its figures.
 * Benchmarks are not tests: their numbers depend on the machine and on what else runs on it.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its figures.",
        subcommands = {
            BenchCommand.Fuzz.class,
            BenchCommand.Faults.class,
            BenchCommand.Predictor.class
        })
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code cai bench fuzz}. */
    @Command(
            name = "fuzz",
            mixinStandardHelpOptions = true,
            description = {
                "Feeds mutated .npz files to the dataset reader and counts the outcomes; any"
                        + " outcome but acceptance or a dataset format error is a bug.",
                "Arguments: [--count N] [--seed S] [--max-seconds T] [file.npz ...]"
            })
    static final class Fuzz implements Callable<Integer> {
        @CommandLine.Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            DatasetFuzzBenchmark.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code cai bench faults}. */
    @Command(
            name = "faults",
            mixinStandardHelpOptions = true,
            description = {
                "Runs jobs on the local pipeline under random mixes of injected faults and prints"
                        + " the faults by kind, samples lost and duplicated, and jobs by status.",
                "Arguments: [jobs] [seed] [workDir], by default 20 jobs and seed 1."
            })
    static final class Faults implements Callable<Integer> {
        @CommandLine.Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            System.setProperty("cai.repository.root", RepositoryPaths.home().toString());
            FaultSoak.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code cai bench predictor}. */
    @Command(
            name = "predictor",
            mixinStandardHelpOptions = true,
            description = {
                "Times the SavedModel predictor on 64x64 stamps at batch sizes 32 to 512.",
                "Arguments: [MODEL_DIR] [SECONDS_PER_SIZE], by default the shipped model."
            })
    static final class Predictor implements Callable<Integer> {
        @CommandLine.Unmatched List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<String> arguments = new ArrayList<>(args);
            if (arguments.isEmpty()) {
                arguments.add(RepositoryPaths.shippedModel().toString());
            }
            PredictorBenchmark.main(arguments.toArray(String[]::new));
            return 0;
        }
    }
}
