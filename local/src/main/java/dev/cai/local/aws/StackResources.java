package dev.cai.local.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The names a deployed stack gives its buckets and table, read from the stack's outputs and
 * parameters as {@code template.yaml} declares them.
 *
 * @param inputBucket the bucket whose uploads start jobs
 * @param inputPrefix the key prefix the upload trigger filters on
 * @param outputBucket where predictions and summaries go
 * @param jobTable the DynamoDB job table
 * @param queueUrl the partition queue, or null when not known
 */
public record StackResources(
        String inputBucket,
        String inputPrefix,
        String outputBucket,
        String jobTable,
        String queueUrl) {

    static final String INPUT_BUCKET_OUTPUT = "InputBucketName";
    static final String OUTPUT_BUCKET_OUTPUT = "OutputBucketName";
    static final String JOB_TABLE_OUTPUT = "JobTableName";
    static final String QUEUE_URL_OUTPUT = "PartitionQueueUrl";
    static final String INPUT_PREFIX_PARAMETER = "InputPrefix";

    /**
     * Reads the stack's outputs.
     *
     * @throws IllegalArgumentException when the stack does not exist or lacks an output
     */
    public static StackResources describe(CloudFormationClient cloudFormation, String stackName) {
        List<Stack> stacks = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks();
        if (stacks.isEmpty()) {
            throw new IllegalArgumentException("stack " + stackName + " not found");
        }
        Stack stack = stacks.get(0);
        Map<String, String> outputs = new HashMap<>();
        for (Output output : stack.outputs()) {
            outputs.put(output.outputKey(), output.outputValue());
        }
        String prefix = "datasets/";
        for (Parameter parameter : stack.parameters()) {
            if (parameter.parameterKey().equals(INPUT_PREFIX_PARAMETER)) {
                prefix = parameter.parameterValue();
            }
        }
        return new StackResources(
                require(outputs, INPUT_BUCKET_OUTPUT, stackName),
                prefix,
                require(outputs, OUTPUT_BUCKET_OUTPUT, stackName),
                require(outputs, JOB_TABLE_OUTPUT, stackName),
                require(outputs, QUEUE_URL_OUTPUT, stackName));
    }

    private static String require(Map<String, String> outputs, String key, String stackName) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "stack "
                            + stackName
                            + " has no output "
                            + key
                            + ": was it deployed from this repository's template.yaml? Outputs"
                            + " found: "
                            + outputs.keySet());
        }
        return value;
    }
}
