package dev.cai.model;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the redshift model: {@code model train} and {@code model evaluate}. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Train and evaluate the redshift model.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
public final class ModelCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ModelCommand()).execute(args));
    }

    /** Trains, exports the SavedModel and writes metrics.json and metrics.md. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = "Train on a SkyServer CSV and export a SavedModel with metrics.")
    static final class Train implements Callable<Integer> {

        @Option(
                names = "--catalog",
                required = true,
                description = "SkyServer CSV with u,g,r,i,z,class,redshift columns.")
        Path catalog;

        @Option(
                names = "--out",
                required = true,
                description = "Folder for the SavedModel and the metric files.")
        Path out;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description =
                        "Seed of the split, images, weights and batch order"
                                + " (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--epochs",
                defaultValue = "60",
                description =
                        "Maximum number of epochs. Early stopping may end training"
                                + " sooner (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Override
        public Integer call() {
            TrainingOptions options =
                    TrainingOptions.defaults(catalog, out).withSeed(seed).withMaxEpochs(epochs);
            TrainingReport report = ModelTrainer.train(options);
            System.out.println(
                    MetricsFiles.table(report.model(), report.zeroedImages(), report.baseline()));
            System.out.printf(
                    "FLOPs per sample: %d, parameters: %d, epochs: %d (best %d)%n",
                    report.flopsPerSample(),
                    report.parameters(),
                    report.epochsRun(),
                    report.bestEpoch());
            System.out.printf(
                    "sigma output: %s, test 1-sigma coverage: %.3f%n",
                    report.sigmaExported() ? "yes" : "no", report.sigmaCoverage());
            if (!report.beatsBaseline()) {
                System.out.println(
                        "The model does not beat the kNN baseline on NMAD and"
                                + " outlier fraction.");
            }
            return 0;
        }
    }

    /** Re-renders the test split of a training run and evaluates a SavedModel on it. */
    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = "Evaluate a SavedModel on the held-out test split of the catalog.")
    static final class Evaluate implements Callable<Integer> {

        @Option(
                names = "--catalog",
                required = true,
                description = "The SkyServer CSV the model was trained on.")
        Path catalog;

        @Option(names = "--model", required = true, description = "SavedModel folder.")
        Path model;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description = "Seed the model was trained with (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            ModelTrainer.Evaluation evaluation =
                    ModelTrainer.Evaluation.rerun(catalog, model, seed);
            System.out.println(
                    MetricsFiles.table(
                            evaluation.model(), evaluation.zeroedImages(), evaluation.baseline()));
            System.out.printf("test 1-sigma coverage: %.3f%n", evaluation.sigmaCoverage());
            return 0;
        }
    }
}
