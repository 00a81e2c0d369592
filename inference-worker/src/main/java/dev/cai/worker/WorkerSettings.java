package dev.cai.worker;

import dev.cai.config.EnvironmentReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference worker's configuration, read from its environment once per container.
 *
 * @param jobTable the DynamoDB table name
 * @param modelPath the SavedModel directory
 * @param modelInputs signature input name to dataset array name; empty binds by equal names
 * @param maxReceiveCount the partition queue's redrive {@code maxReceiveCount}: the attempt with
 *     this receive count is the last, so a failure there records the partition FAILED
 * @param ttlDays days the job's items are kept
 * @param architecture {@code x86_64} or {@code arm64}, for the cost of each attempt
 */
public record WorkerSettings(
        String jobTable,
        Path modelPath,
        Map<String, String> modelInputs,
        int maxReceiveCount,
        int ttlDays,
        String architecture) {

    /** Every environment variable this function reads. */
    public static final List<String> VARIABLES =
            List.of(
                    "JOB_TABLE",
                    "MODEL_PATH",
                    "MODEL_INPUTS",
                    "MAX_RECEIVE_COUNT",
                    "JOB_TTL_DAYS",
                    "ARCHITECTURE");

    public static WorkerSettings fromEnvironment(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String table = reader.required("JOB_TABLE");
        String model = reader.required("MODEL_PATH");
        Map<String, String> inputs =
                reader.parsed(
                        "MODEL_INPUTS",
                        "",
                        WorkerSettings::parseMapping,
                        "a list such as images=stamps,magnitudes=mags");
        int maxReceive = reader.integer("MAX_RECEIVE_COUNT", 5, 1, 1000);
        int ttl = reader.integer("JOB_TTL_DAYS", 30, 1, 3650);
        String arch =
                reader.parsed(
                        "ARCHITECTURE", "x86_64", WorkerSettings::architecture, "x86_64 or arm64");
        reader.validate("the inference worker");
        return new WorkerSettings(table, Path.of(model), inputs, maxReceive, ttl, arch);
    }

    /**
     * Parses {@code signatureInput=datasetArray} pairs separated by commas.
     *
     * @throws IllegalArgumentException on a pair without {@code =} or with an empty side
     */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String pair : text.split(",")) {
            String[] sides = pair.split("=", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw new IllegalArgumentException(
                        "invalid mapping '"
                                + pair.trim()
                                + "': expected signatureInput=datasetArray");
            }
            mapping.put(sides[0].trim(), sides[1].trim());
        }
        return mapping;
    }

    private static String architecture(String value) {
        if (!value.equals("x86_64") && !value.equals("arm64")) {
            throw new IllegalArgumentException(value);
        }
        return value;
    }
}
