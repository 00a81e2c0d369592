package dev.cai.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * List prices of the services a job uses, in one region, with their sources and the date they were
 * checked. The default table is the {@code prices.json} resource of this package.
 *
 * <p>The JSON object has {@code region}, {@code currency}, {@code checkedOn}, {@code sources} (a
 * list of URLs) and {@code prices}, whose members are objects {@code {"usd", "source", "note"}}
 * under the keys {@link #KEYS}. Free tiers and volume discounts are not modelled.
 *
 * @param region AWS region code, for example {@code us-east-1}
 * @param currency ISO currency code of every price
 * @param checkedOn ISO date when the prices were compared with their sources
 * @param sources every page the prices were read from
 * @param lambdaPerGbSecondX86 Lambda on-demand duration, per GB-second, x86_64
 * @param lambdaPerGbSecondArm64 Lambda on-demand duration, per GB-second, arm64
 * @param lambdaPerMillionRequests Lambda invocations, per million
 * @param sqsPerMillionRequests SQS standard-queue API requests, per million
 * @param dynamoDbPerMillionWriteUnits DynamoDB on-demand write request units, per million
 * @param dynamoDbPerMillionReadUnits DynamoDB on-demand read request units, per million
 * @param s3PerThousandPuts S3 Standard PUT, COPY, POST and LIST requests, per thousand
 * @param s3PerThousandGets S3 Standard GET and other requests, per thousand
 */
public record PriceTable(
        String region,
        String currency,
        String checkedOn,
        List<String> sources,
        Price lambdaPerGbSecondX86,
        Price lambdaPerGbSecondArm64,
        Price lambdaPerMillionRequests,
        Price sqsPerMillionRequests,
        Price dynamoDbPerMillionWriteUnits,
        Price dynamoDbPerMillionReadUnits,
        Price s3PerThousandPuts,
        Price s3PerThousandGets) {

    /** Keys of the {@code prices} object, in component order. */
    public static final List<String> KEYS =
            List.of(
                    "lambdaPerGbSecondX86",
                    "lambdaPerGbSecondArm64",
                    "lambdaPerMillionRequests",
                    "sqsPerMillionRequests",
                    "dynamoDbPerMillionWriteUnits",
                    "dynamoDbPerMillionReadUnits",
                    "s3PerThousandPuts",
                    "s3PerThousandGets");

    static final String RESOURCE = "prices.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PriceTable {
        sources = List.copyOf(sources);
    }

    /** Loads the {@code prices.json} resource that ships with this package. */
    public static PriceTable loadDefault() {
        String source = "resource dev/cai/cost/" + RESOURCE;
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PriceTableException(source, List.of("resource not found on class path"));
            }
            return parse(source, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new PriceTableException(source, "not readable JSON: " + e.getMessage(), e);
        }
    }

    /** Loads a price table from a JSON file. */
    public static PriceTable fromFile(Path file) {
        String source = "file " + file;
        if (!Files.isRegularFile(file)) {
            throw new PriceTableException(source, List.of("file not found"));
        }
        try {
            return parse(source, MAPPER.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new PriceTableException(source, "not readable JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a price table from JSON text. */
    public static PriceTable fromJson(String json) {
        try {
            return parse("JSON string", MAPPER.readTree(json));
        } catch (IOException e) {
            throw new PriceTableException("JSON string", "not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the default table when {@code fileOrJson} is null or blank, parses it as JSON when it
     * starts with <code>{</code>, and reads it as a file path otherwise.
     */
    public static PriceTable load(String fileOrJson) {
        if (fileOrJson == null || fileOrJson.isBlank()) {
            return loadDefault();
        }
        if (fileOrJson.strip().startsWith("{")) {
            return fromJson(fileOrJson);
        }
        return fromFile(Path.of(fileOrJson));
    }

    /**
     * Returns the Lambda duration price for an architecture.
     *
     * @throws IllegalArgumentException for anything but {@code x86_64} or {@code arm64}
     */
    public double lambdaPerGbSecond(String architecture) {
        if ("x86_64".equals(architecture)) {
            return lambdaPerGbSecondX86.usd();
        }
        if ("arm64".equals(architecture)) {
            return lambdaPerGbSecondArm64.usd();
        }
        throw new IllegalArgumentException(
                "invalid Lambda architecture '" + architecture + "': expected x86_64 or arm64");
    }

    /** Returns the prices in {@link #KEYS} order. */
    public List<Price> prices() {
        return List.of(
                lambdaPerGbSecondX86,
                lambdaPerGbSecondArm64,
                lambdaPerMillionRequests,
                sqsPerMillionRequests,
                dynamoDbPerMillionWriteUnits,
                dynamoDbPerMillionReadUnits,
                s3PerThousandPuts,
                s3PerThousandGets);
    }

    /** Validates every field and reports all problems together. */
    private static PriceTable parse(String source, JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PriceTableException(source, List.of("expected a JSON object at the top"));
        }
        String region = text(root, "region", problems);
        String currency = text(root, "currency", problems);
        String checkedOn = text(root, "checkedOn", problems);
        List<String> sources = new ArrayList<>();
        JsonNode sourceList = root.get("sources");
        if (sourceList == null || !sourceList.isArray() || sourceList.isEmpty()) {
            problems.add("'sources' is missing or empty: expected a list of URLs");
        } else {
            sourceList.forEach(url -> sources.add(url.asText()));
        }
        List<Price> prices = new ArrayList<>();
        JsonNode priceNode = root.get("prices");
        if (priceNode == null || !priceNode.isObject()) {
            problems.add("'prices' is missing: expected an object with keys " + KEYS);
        } else {
            for (String key : KEYS) {
                prices.add(price(priceNode, key, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new PriceTableException(source, problems);
        }
        return new PriceTable(
                region,
                currency,
                checkedOn,
                sources,
                prices.get(0),
                prices.get(1),
                prices.get(2),
                prices.get(3),
                prices.get(4),
                prices.get(5),
                prices.get(6),
                prices.get(7));
    }

    private static String text(JsonNode root, String key, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add("'" + key + "' is missing or not a non-empty string");
            return null;
        }
        return node.asText();
    }

    private static Price price(JsonNode prices, String key, List<String> problems) {
        JsonNode node = prices.get(key);
        if (node == null || !node.isObject()) {
            problems.add(
                    "'prices."
                            + key
                            + "' is missing: expected {\"usd\": number, \"source\": "
                            + "url, \"note\": text}");
            return null;
        }
        JsonNode usd = node.get("usd");
        if (usd == null
                || !usd.isNumber()
                || !(usd.asDouble() >= 0.0)
                || Double.isInfinite(usd.asDouble())) {
            problems.add("'prices." + key + ".usd' is " + usd + ": expected a number >= 0");
            return null;
        }
        JsonNode note = node.get("note");
        JsonNode pageUrl = node.get("source");
        return new Price(
                usd.asDouble(),
                pageUrl == null ? "" : pageUrl.asText(),
                note == null ? "" : note.asText());
    }
}
