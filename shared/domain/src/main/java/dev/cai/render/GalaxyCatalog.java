package dev.cai.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads galaxies from a SkyServer CSV export that joins SDSS PhotoObj and SpecObj: a header row
 * naming at least the columns {@code u, g, r, i, z, class, redshift}, then one object per row.
 */
public final class GalaxyCatalog {

    private static final String[] MAGNITUDE_COLUMNS = {"u", "g", "r", "i", "z"};

    private GalaxyCatalog() {}

    /**
     * Returns the rows whose {@code class} is {@code GALAXY}, in file order.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when a column is missing or a value is not a number
     */
    public static List<Galaxy> readGalaxies(Path csv) {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(
                        "catalog "
                                + csv
                                + " is empty: expected a"
                                + " header row with u,g,r,i,z,class,redshift");
            }
            List<String> columns = Arrays.asList(header.trim().split(","));
            int[] magnitudeIndex = new int[MAGNITUDE_COLUMNS.length];
            for (int band = 0; band < MAGNITUDE_COLUMNS.length; band++) {
                magnitudeIndex[band] = column(columns, MAGNITUDE_COLUMNS[band], csv);
            }
            int classIndex = column(columns, "class", csv);
            int redshiftIndex = column(columns, "redshift", csv);

            List<Galaxy> galaxies = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String[] fields = line.split(",", -1);
                if (line.isBlank()) {
                    continue;
                }
                if (!"GALAXY".equals(field(fields, classIndex, csv, lineNumber))) {
                    continue;
                }
                float[] magnitudes = new float[MAGNITUDE_COLUMNS.length];
                for (int band = 0; band < magnitudes.length; band++) {
                    magnitudes[band] = number(fields, magnitudeIndex[band], csv, lineNumber);
                }
                float redshift = number(fields, redshiftIndex, csv, lineNumber);
                galaxies.add(new Galaxy(magnitudes, redshift));
            }
            return galaxies;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read catalog " + csv, e);
        }
    }

    private static int column(List<String> columns, String name, Path csv) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "catalog " + csv + " has no column '" + name + "': found " + columns);
        }
        return index;
    }

    private static String field(String[] fields, int index, Path csv, int lineNumber) {
        if (index >= fields.length) {
            throw new IllegalArgumentException(
                    "catalog "
                            + csv
                            + " line "
                            + lineNumber
                            + " has "
                            + fields.length
                            + " fields: expected at least "
                            + (index + 1));
        }
        return fields[index].trim();
    }

    private static float number(String[] fields, int index, Path csv, int lineNumber) {
        String text = field(fields, index, csv, lineNumber);
        try {
            float value = Float.parseFloat(text);
            if (!Float.isFinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "catalog "
                            + csv
                            + " line "
                            + lineNumber
                            + " field "
                            + (index + 1)
                            + " is '"
                            + text
                            + "': expected a finite number",
                    e);
        }
    }
}
