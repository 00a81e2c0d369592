package dev.cai.worker;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds a partition's predictions file: a header line, then one row per sample, {@code
 * object_id,z_pred[,z_sigma][,z_true]}. Floats are written with enough digits to round-trip.
 */
final class PredictionsCsv {

    private final StringBuilder text = new StringBuilder();
    private final boolean withSigma;
    private final boolean withTruth;
    private long rows;

    PredictionsCsv(boolean withSigma, boolean withTruth) {
        this.withSigma = withSigma;
        this.withTruth = withTruth;
        text.append("object_id,z_pred");
        if (withSigma) {
            text.append(",z_sigma");
        }
        if (withTruth) {
            text.append(",z_true");
        }
        text.append('\n');
    }

    void add(long objectId, float zPred, float zSigma, float zTrue) {
        text.append(objectId).append(',').append(format(zPred));
        if (withSigma) {
            text.append(',').append(format(zSigma));
        }
        if (withTruth) {
            text.append(',').append(format(zTrue));
        }
        text.append('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String format(float value) {
        return Float.isFinite(value)
                ? Float.toString(value)
                : String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
