package dev.cai.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cai.job.PhotoZMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code metrics.json} and {@code metrics.md} for a training run. */
final class MetricsFiles {

    static final String JSON = "metrics.json";
    static final String MARKDOWN = "metrics.md";

    private MetricsFiles() {}

    static void write(
            TrainingReport report,
            TrainingOptions options,
            DataSplit split,
            double validationCoverage,
            List<double[]> history) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("catalog", options.catalog().getFileName().toString());
        json.put("seed", options.seed());
        json.put(
                "split",
                Map.of(
                        "train",
                        split.train().length,
                        "validation",
                        split.validation().length,
                        "test",
                        split.test().length));
        json.put("epochsRun", report.epochsRun());
        json.put("bestEpoch", report.bestEpoch());
        json.put("flopsPerSample", report.flopsPerSample());
        json.put("parameters", report.parameters());
        json.put("sigmaExported", report.sigmaExported());
        json.put("sigmaCoverageValidation", validationCoverage);
        json.put("sigmaCoverageTest", report.sigmaCoverage());
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("model", ModelTrainer.asMap(report.model()));
        test.put("modelWithZeroedImages", ModelTrainer.asMap(report.zeroedImages()));
        test.put("knnBaseline", ModelTrainer.asMap(report.baseline()));
        json.put("test", test);
        json.put("testCount", report.model().count());
        json.put("beatsBaseline", report.beatsBaseline());
        json.put("seconds", report.seconds());
        json.put("history", history);
        Path dir = report.modelDir();
        try {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(JSON).toFile(), json);
            Files.writeString(
                    dir.resolve(MARKDOWN),
                    table(report.model(), report.zeroedImages(), report.baseline()));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write metrics into " + dir, e);
        }
    }

    /** Formats the test metrics of the three predictors as a markdown table. */
    static String table(PhotoZMetrics model, PhotoZMetrics zeroedImages, PhotoZMetrics baseline) {
        StringBuilder out = new StringBuilder();
        out.append("| predictor | MAE | bias | NMAD | outlier fraction | R² |\n");
        out.append("|---|---|---|---|---|---|\n");
        row(out, "model", model);
        row(out, "model, images zeroed", zeroedImages);
        row(out, "kNN baseline (k = " + KnnBaseline.DEFAULT_K + ")", baseline);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, PhotoZMetrics metrics) {
        out.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %.4f | %+.4f | %.4f | %.4f | %.3f |%n",
                        name,
                        metrics.mae(),
                        metrics.bias(),
                        metrics.nmad(),
                        metrics.outlierFraction(),
                        metrics.r2()));
    }
}
