package dev.cai.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the arrays have in a file, by canonical name ({@code images}, {@code magnitudes},
 * {@code redshifts}, {@code object_ids}). Arrays without an explicit mapping keep their canonical
 * name.
 *
 * @param fileNames the file's array name for every canonical name
 */
public record ArrayNames(Map<String, String> fileNames) {

    /** The canonical names, in the order datasets list them. */
    public static final List<String> CANONICAL =
            List.of(
                    DatasetLayout.IMAGES,
                    DatasetLayout.MAGNITUDES,
                    DatasetLayout.REDSHIFTS,
                    DatasetLayout.OBJECT_IDS);

    /** Every array stored under its canonical name. */
    public static final ArrayNames DEFAULT = new ArrayNames(Map.of());

    public ArrayNames {
        Map<String, String> complete = new LinkedHashMap<>();
        for (String canonical : CANONICAL) {
            complete.put(canonical, canonical);
        }
        for (Map.Entry<String, String> entry : fileNames.entrySet()) {
            if (!CANONICAL.contains(entry.getKey())) {
                throw new IllegalArgumentException(
                        "invalid array name '"
                                + entry.getKey()
                                + "': expected one of "
                                + CANONICAL);
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new IllegalArgumentException(
                        "array '"
                                + entry.getKey()
                                + "' is mapped to an empty name: expected the name used in the"
                                + " file");
            }
            complete.put(entry.getKey(), entry.getValue().strip());
        }
        fileNames = Map.copyOf(complete);
    }

    /**
     * Parses a comma-separated list of {@code canonical=fileName} pairs such as {@code
     * images=x,magnitudes=mags}. A blank string gives {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the malformed pair
     */
    public static ArrayNames parse(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return DEFAULT;
        }
        Map<String, String> fileNames = new LinkedHashMap<>();
        for (String pair : mapping.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "invalid array mapping '"
                                + pair.strip()
                                + "' in '"
                                + mapping
                                + "': expected canonical=name, such as images=x");
            }
            String canonical = pair.substring(0, equals).strip();
            if (fileNames.put(canonical, pair.substring(equals + 1)) != null) {
                throw new IllegalArgumentException(
                        "array '"
                                + canonical
                                + "' is mapped twice in '"
                                + mapping
                                + "': expected at most one mapping per array");
            }
        }
        return new ArrayNames(fileNames);
    }

    /** Returns the name that the file uses for a canonical array name. */
    public String fileName(String canonical) {
        String name = fileNames.get(canonical);
        if (name == null) {
            throw new IllegalArgumentException(
                    "invalid array name '" + canonical + "': expected one of " + CANONICAL);
        }
        return name;
    }
}
