package dev.cai.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks template.yaml against the code it deploys and against the rules the stack must keep.
 * Handlers must exist, and each function gets exactly the variables its settings class reads. Batch
 * failures are reported, the queue's visibility timeout covers the worker, and the buckets are
 * private, encrypted and separate.
 */
class TemplateContractTest {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final Map<String, String> SETTINGS_BY_PACKAGE =
            Map.of(
                    "dev.cai.splitter", "dev.cai.splitter.SplitterSettings",
                    "dev.cai.worker", "dev.cai.worker.WorkerSettings",
                    "dev.cai.aggregator", "dev.cai.aggregator.AggregatorSettings");

    /** Actions that read or change stored data, as opposed to listing or configuration. */
    private static final Pattern DATA_ACTION =
            Pattern.compile(
                    "(?i)(s3:(\\*|Get|Put|Delete|Abort|List)|sqs:(\\*|Send|Receive|Delete|Change)"
                        + "|dynamodb:(\\*|Get|Put|Update|Delete|Query|Scan|Batch|Transact)|\\*)");

    private static Path root;
    private static Map<String, Object> template;

    @BeforeAll
    static void loadTemplate() throws Exception {
        root = Path.of(System.getProperty("cai.repository.root"));
        template = CloudFormationYaml.load(root.resolve("template.yaml"));
    }

    @Test
    void handlers_everyClassLoads() throws Exception {
        for (Map.Entry<String, String> entry : handlers().entrySet()) {
            String className = entry.getValue().substring(0, entry.getValue().indexOf("::"));

            assertThat(Class.forName(className)).as("handler of %s", entry.getKey()).isNotNull();
        }
    }

    @Test
    void environment_matchesVariablesEachFunctionReads() throws Exception {
        for (Map.Entry<String, String> entry : handlers().entrySet()) {
            String handlerClass = entry.getValue().substring(0, entry.getValue().indexOf("::"));
            String packageName = handlerClass.substring(0, handlerClass.lastIndexOf('.'));
            Set<String> read = new TreeSet<>(variablesOf(SETTINGS_BY_PACKAGE.get(packageName)));
            Set<String> set = new TreeSet<>(environment(entry.getKey()).keySet());

            assertThat(set).as("environment of %s", entry.getKey()).isEqualTo(read);
        }
    }

    @Test
    void sqsAndStreamEvents_reportBatchItemFailures() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> event : events().entrySet()) {
            String type = (String) event.getValue().get("Type");
            if (!type.equals("SQS") && !type.equals("DynamoDB")) {
                continue;
            }
            Map<String, Object> properties = map(event.getValue().get("Properties"));

            assertThat(list(properties.get("FunctionResponseTypes")))
                    .as("FunctionResponseTypes of %s", event.getKey())
                    .contains("ReportBatchItemFailures");
            checked.add(event.getKey());
        }
        assertThat(checked).hasSize(3);
    }

    @Test
    void partitionQueue_visibilityTimeoutCoversSixWorkerTimeouts() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        Map<String, Object> timeouts = map(map(template.get("Mappings")).get("VisibilityTimeouts"));
        int maxWindow =
                ((Number) map(parameters.get("WorkerBatchingWindow")).get("MaxValue")).intValue();
        Map<String, Object> queue = properties("PartitionQueue");

        assertThat(queue.get("VisibilityTimeout"))
                .isEqualTo(
                        Map.of(
                                "Fn::FindInMap",
                                List.of(
                                        "VisibilityTimeouts",
                                        Map.of("Ref", "WorkerTimeout"),
                                        "Seconds")));
        assertThat(properties("InferenceWorkerFunction").get("Timeout"))
                .isEqualTo(Map.of("Ref", "WorkerTimeout"));
        for (Object allowed : list(map(parameters.get("WorkerTimeout")).get("AllowedValues"))) {
            int timeout = ((Number) allowed).intValue();
            int visibility =
                    ((Number) map(timeouts.get(Integer.toString(timeout))).get("Seconds"))
                            .intValue();

            assertThat(visibility)
                    .as("visibility timeout for a %d s worker", timeout)
                    .isGreaterThanOrEqualTo(6 * timeout + maxWindow);
        }
    }

    @Test
    void outputBucket_isNotTheTriggerBucket() {
        Object inputName = properties("InputBucket").get("BucketName");
        Object outputName = properties("OutputBucket").get("BucketName");
        List<Object> triggerBuckets = new ArrayList<>();
        for (Map<String, Object> event : events().values()) {
            if ("S3".equals(event.get("Type"))) {
                triggerBuckets.add(map(event.get("Properties")).get("Bucket"));
            }
        }

        assertThat(triggerBuckets).containsOnly(Map.of("Ref", "InputBucket"));
        assertThat(outputName).isNotEqualTo(inputName);
        for (String function : handlers().keySet()) {
            Object output = environment(function).get("OUTPUT_BUCKET");
            if (output != null) {
                assertThat(output).as("OUTPUT_BUCKET of %s", function).isEqualTo(outputName);
            }
        }
    }

    @Test
    void policies_grantNoDataActionOnEveryResource() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources().entrySet()) {
            Map<String, Object> properties = map(map(resource.getValue()).get("Properties"));
            for (Object policy : list(properties.get("Policies"))) {
                violations.addAll(wildcardGrants(resource.getKey(), policy));
            }
            if (properties.get("PolicyDocument") != null) {
                violations.addAll(
                        wildcardGrants(resource.getKey(), properties.get("PolicyDocument")));
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void buckets_blockPublicAccess() {
        for (String bucket : resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> block =
                    map(properties(bucket).get("PublicAccessBlockConfiguration"));

            assertThat(block)
                    .as("PublicAccessBlockConfiguration of %s", bucket)
                    .containsEntry("BlockPublicAcls", true)
                    .containsEntry("BlockPublicPolicy", true)
                    .containsEntry("IgnorePublicAcls", true)
                    .containsEntry("RestrictPublicBuckets", true);
        }
    }

    @Test
    void buckets_encryptAtRest() {
        for (String bucket : resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> encryption = map(properties(bucket).get("BucketEncryption"));
            Map<String, Object> rule =
                    map(list(encryption.get("ServerSideEncryptionConfiguration")).get(0));

            assertThat(map(rule.get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                    .as("SSEAlgorithm of %s", bucket)
                    .isIn("AES256", "aws:kms", "aws:kms:dsse");
        }
    }

    @Test
    void buckets_denyRequestsWithoutTls() {
        Set<Object> enforced = new LinkedHashSet<>();
        for (String policy : resourcesOfType("AWS::S3::BucketPolicy")) {
            Map<String, Object> properties = properties(policy);
            for (Object statement : list(map(properties.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> condition = map(map(statement).get("Condition"));
                boolean denies = "Deny".equals(map(statement).get("Effect"));
                if (denies && map(condition.get("Bool")).get("aws:SecureTransport") != null) {
                    enforced.add(properties.get("Bucket"));
                }
            }
        }

        assertThat(enforced)
                .containsExactlyInAnyOrder(
                        Map.of("Ref", "InputBucket"), Map.of("Ref", "OutputBucket"));
    }

    @Test
    void aggregatorFilter_matchesOnlyFinishedPartitions() throws Exception {
        Map<String, Object> stream =
                map(events().get("AggregatorFunction.PartitionResults").get("Properties"));
        String pattern =
                (String)
                        map(list(map(stream.get("FilterCriteria")).get("Filters")).get(0))
                                .get("Pattern");
        JsonNode image = new ObjectMapper().readTree(pattern).path("dynamodb").path("NewImage");

        assertThat(values(image.path("type").path("S"))).containsExactly("PARTITION");
        assertThat(values(image.path("status").path("S")))
                .containsExactlyInAnyOrder("DONE", "FAILED");
        assertThat(map(stream.get("DestinationConfig"))).containsKey("OnFailure");
        assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        ((ArrayNode) array).forEach(node -> values.add(node.asText()));
        return values;
    }

    /** Returns each function's handler: its Handler property, or the image's CMD from Jib. */
    private static Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        for (String function : resourcesOfType(FUNCTION)) {
            Map<String, Object> properties = properties(function);
            if ("Image".equals(properties.get("PackageType"))) {
                handlers.put(function, imageCommand());
            } else {
                handlers.put(function, (String) properties.get("Handler"));
            }
        }
        return handlers;
    }

    private static String imageCommand() {
        try {
            String pom = Files.readString(root.resolve("inference-worker/pom.xml"));
            Matcher matcher = Pattern.compile("<args>\\s*<arg>([^<]+)</arg>").matcher(pom);
            assertThat(matcher.find())
                    .as("Jib container args in inference-worker/pom.xml")
                    .isTrue();
            return matcher.group(1).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> variablesOf(String settingsClass) throws Exception {
        return (List<String>) Class.forName(settingsClass).getField("VARIABLES").get(null);
    }

    private static Map<String, Object> environment(String function) {
        return map(map(properties(function).get("Environment")).get("Variables"));
    }

    /** Returns every function event by "Function.Event". */
    private static Map<String, Map<String, Object>> events() {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        for (String function : resourcesOfType(FUNCTION)) {
            map(properties(function).get("Events"))
                    .forEach((name, event) -> events.put(function + "." + name, map(event)));
        }
        return events;
    }

    private static List<String> wildcardGrants(String resource, Object policy) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> document = map(policy);
        if (document.containsKey("Statement")) {
            for (Object statement : list(document.get("Statement"))) {
                Map<String, Object> fields = map(statement);
                boolean allows = "Allow".equals(fields.get("Effect"));
                boolean everyResource = asList(fields.get("Resource")).contains("*");
                boolean dataAction =
                        asList(fields.get("Action")).stream()
                                .anyMatch(
                                        action ->
                                                DATA_ACTION.matcher(action.toString()).lookingAt());
                if (allows && everyResource && dataAction) {
                    violations.add(resource + ": " + statement);
                }
            }
            return violations;
        }
        // A SAM policy template: its parameters name the resource it is scoped to.
        document.forEach(
                (templateName, parameters) ->
                        map(parameters)
                                .forEach(
                                        (name, value) -> {
                                            if ("*".equals(value)) {
                                                violations.add(
                                                        resource
                                                                + ": "
                                                                + templateName
                                                                + " with "
                                                                + name
                                                                + " = *");
                                            }
                                        }));
        return violations;
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> values
                ? new ArrayList<>(values)
                : value == null ? List.of() : List.of(value);
    }

    private static Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private static List<String> resourcesOfType(String type) {
        List<String> names = new ArrayList<>();
        resources()
                .forEach(
                        (name, resource) -> {
                            if (type.equals(map(resource).get("Type"))) {
                                names.add(name);
                            }
                        });
        return names;
    }

    private static Map<String, Object> properties(String resource) {
        return map(map(resources().get(resource)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
