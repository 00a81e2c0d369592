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
                zPred[row] = Float.parseFloat(fields[pred]);
                if (zTrue != null) {
                    zTrue[row] = Float.parseFloat(fields[truth]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        key + ": line " + (i + 1) + " '" + lines[i] + "' is malformed", e);
            }
            row++;
        }
        return new PredictionColumns(zPred, zTrue);
    }

    /** Returns the rows whose prediction and label are both finite numbers. */
    PredictionColumns finiteOnly() {
        int kept = 0;
        for (int i = 0; i < zPred.length; i++) {
            if (Float.isFinite(zPred[i]) && Float.isFinite(zTrue[i])) {
                kept++;
            }
        }
        float[] pred = new float[kept];
        float[] truth = new float[kept];
        int row = 0;
        for (int i = 0; i < zPred.length; i++) {
            if (Float.isFinite(zPred[i]) && Float.isFinite(zTrue[i])) {
                pred[row] = zPred[i];
                truth[row] = zTrue[i];
                row++;
            }
        }
        return new PredictionColumns(pred, truth);
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
