package dev.cai.aggregator;

/**
 * The {@code z_pred} and {@code z_true} columns of one predictions file.
 *
 * @param zPred predicted redshifts
 * @param zTrue spectroscopic redshifts, or null when the file has none
 */
record PredictionColumns(float[] zPred, float[] zTrue) {

    /**
     * Parses a predictions CSV written by the worker.
     *
     * @throws IllegalArgumentException when the header lacks {@code z_pred} or a row is malformed
     */
    static PredictionColumns parse(String csv, String key) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].trim().split(",");
        int pred = indexOf(header, "z_pred");
        int truth = indexOf(header, "z_true");
        if (pred < 0) {
            throw new IllegalArgumentException(
                    key + ": header '" + lines[0] + "' has no z_pred column");
        }
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows++;
            }
        }
        float[] zPred = new float[rows];
        float[] zTrue = truth < 0 ? null : new float[rows];
        int row = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].trim().split(",");
            try {
                zPred[row] = parseValue(fields[pred]);
                if (zTrue != null) {
                    zTrue[row] = parseValue(fields[truth]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        key + ": line " + (i + 1) + " '" + lines[i] + "' is malformed", e);
            }
            row++;
        }
        return new PredictionColumns(zPred, zTrue);
    }

    /** Parses a value as the worker writes it, {@code nan} and {@code infinity} included. */
    private static float parseValue(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "nan" -> Float.NaN;
            case "infinity", "inf", "+infinity", "+inf" -> Float.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(value);
        };
    }

    /**
     * Returns the rows that can be scored: a finite prediction and a finite label above -1, since
     * {@code dz} divides by {@code 1 + z_true}.
     */
    PredictionColumns finiteOnly() {
        int usableRows = 0;
        for (int i = 0; i < zPred.length; i++) {
            if (usable(i)) {
                usableRows++;
            }
        }
        float[] pred = new float[usableRows];
        float[] truth = new float[usableRows];
        int row = 0;
        for (int i = 0; i < zPred.length; i++) {
            if (usable(i)) {
                pred[row] = zPred[i];
                truth[row] = zTrue[i];
                row++;
            }
        }
        return new PredictionColumns(pred, truth);
    }

    private boolean usable(int row) {
        return Float.isFinite(zPred[row]) && Float.isFinite(zTrue[row]) && zTrue[row] > -1;
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
