package dev.cai.model;

import ai.djl.engine.Engine;
import dev.cai.job.PhotoZMetrics;
import dev.cai.render.Galaxy;
import dev.cai.render.GalaxyCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the redshift model on SDSS galaxies (real magnitudes and spectroscopic redshifts, with
 * images rendered from the magnitudes), exports it as a SavedModel and writes held-out metrics.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

    /**
     * The sigma output is exported only when this share of validation galaxies lies within one
     * sigma; a calibrated Gaussian gives 0.683.
     */
    static final double MIN_COVERAGE = 0.60;

    static final double MAX_COVERAGE = 0.76;

    private ModelTrainer() {}

    /** Runs the whole training: split, render, fit, export, evaluate, write metric files. */
    public static TrainingReport train(TrainingOptions options) {
        long start = System.nanoTime();
        Engine.getEngine("TensorFlow");
        List<Galaxy> galaxies = GalaxyCatalog.readGalaxies(options.catalog());
        LOG.info("Read {} galaxies from {}", galaxies.size(), options.catalog());
        DataSplit split = DataSplit.of(galaxies.size(), options.seed());
        LabelledData all = LabelledData.render(galaxies, options.seed());
        LabelledData train = all.subset(split.train());
        LabelledData validation = all.subset(split.validation());
        LabelledData test = all.subset(split.test());
        LOG.info(
                "Rendered {} stamps; split {} / {} / {}",
                all.rows(),
                train.rows(),
                validation.rows(),
                test.rows());

        Normalisation normalisation =
                Normalisation.fit(train.images(), train.magnitudes(), train.redshifts());
        GraphTrainer.Outcome outcome;
        try (GraphTrainer trainer = new GraphTrainer(normalisation, options.seed())) {
            outcome = trainer.fit(train, validation, options);
        }

        // Decide on the sigma output from validation data, before looking at the test split.
        SavedModelExporter.export(options.out(), normalisation, outcome.weights(), true);
        double validationCoverage;
        try (SavedModelRunner runner = SavedModelRunner.load(options.out())) {
            validationCoverage =
                    coverage(
                            runner.predict(validation.images(), validation.magnitudes()),
                            validation.redshifts());
        }
        boolean withSigma =
                validationCoverage >= MIN_COVERAGE && validationCoverage <= MAX_COVERAGE;
        LOG.info(
                "Validation 1-sigma coverage {}: sigma output {}",
                String.format("%.3f", validationCoverage),
                withSigma ? "kept" : "dropped");
        if (!withSigma) {
            SavedModelExporter.export(options.out(), normalisation, outcome.weights(), false);
        }

        Evaluation evaluation = Evaluation.run(options.out(), train, test);
        ReferencePredictions.write(options.out());
        TrainingReport report =
                new TrainingReport(
                        options.out(),
                        evaluation.model(),
                        evaluation.zeroedImages(),
                        evaluation.baseline(),
                        withSigma,
                        evaluation.sigmaCoverage(),
                        outcome.epochsRun(),
                        outcome.bestEpoch(),
                        RedshiftNetwork.flopsPerSample(),
                        RedshiftNetwork.parameterCount(),
                        (System.nanoTime() - start) / 1e9);
        MetricsFiles.write(report, options, split, validationCoverage, outcome.history());
        LOG.info(
                "Model NMAD {} outliers {}; baseline NMAD {} outliers {}",
                report.model().nmad(),
                report.model().outlierFraction(),
                report.baseline().nmad(),
                report.baseline().outlierFraction());
        return report;
    }

    /** Returns the fraction of rows with {@code |z_pred - z_true| < sigma}, or NaN. */
    static double coverage(SavedModelRunner.Outputs outputs, float[] redshifts) {
        if (outputs.sigma().isEmpty()) {
            return Double.NaN;
        }
        float[] sigma = outputs.sigma().get();
        int inside = 0;
        for (int i = 0; i < redshifts.length; i++) {
            if (Math.abs(outputs.redshift()[i] - redshifts[i]) < sigma[i]) {
                inside++;
            }
        }
        return (double) inside / redshifts.length;
    }

    /** Test metrics of an exported model, of the same with zeroed images, and of the baseline. */
    record Evaluation(
            PhotoZMetrics model,
            PhotoZMetrics zeroedImages,
            PhotoZMetrics baseline,
            double sigmaCoverage) {

        static Evaluation run(Path modelDir, LabelledData train, LabelledData test) {
            try (SavedModelRunner runner = SavedModelRunner.load(modelDir)) {
                SavedModelRunner.Outputs outputs = runner.predict(test.images(), test.magnitudes());
                LabelledData zeroed = test.withZeroImages();
                float[] zeroedPredictions =
                        runner.predict(zeroed.images(), zeroed.magnitudes()).redshift();
                float[] baseline =
                        new KnnBaseline(
                                        KnnBaseline.DEFAULT_K,
                                        train.magnitudes(),
                                        train.redshifts())
                                .predict(test.magnitudes());
                return new Evaluation(
                        PhotoZMetrics.compute(outputs.redshift(), test.redshifts()),
                        PhotoZMetrics.compute(zeroedPredictions, test.redshifts()),
                        PhotoZMetrics.compute(baseline, test.redshifts()),
                        coverage(outputs, test.redshifts()));
            }
        }

        /** Re-creates the split and stamps of a training run and evaluates {@code modelDir}. */
        static Evaluation rerun(Path catalog, Path modelDir, long seed) {
            Engine.getEngine("TensorFlow");
            List<Galaxy> galaxies = GalaxyCatalog.readGalaxies(catalog);
            DataSplit split = DataSplit.of(galaxies.size(), seed);
            LabelledData all = LabelledData.render(galaxies, seed);
            return run(modelDir, all.subset(split.train()), all.subset(split.test()));
        }
    }

    /** Returns the metrics of one predictor as a map, for logging and JSON. */
    static Map<String, Double> asMap(PhotoZMetrics metrics) {
        return Map.of(
                "mae",
                metrics.mae(),
                "bias",
                metrics.bias(),
                "nmad",
                metrics.nmad(),
                "outlierFraction",
                metrics.outlierFraction(),
                "r2",
                metrics.r2());
    }
}
