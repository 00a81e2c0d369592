package dev.cai.aws;

import dev.cai.job.JobStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The update and condition expressions that move a job item from one of several states to another.
 * Every name goes through a placeholder because {@code status} and {@code reason} are DynamoDB
 * reserved words.
 */
record JobTransition(
        String updateExpression,
        String conditionExpression,
        Map<String, String> names,
        Map<String, AttributeValue> values) {

    static JobTransition of(
            Set<JobStatus> from,
            JobStatus to,
            String reason,
            long nowMillis,
            AttributeValue expiresAt) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();

        names.put("#status", JobItems.STATUS);
        names.put("#reason", "reason");
        names.put("#expiresAt", JobItems.EXPIRES_AT);
        values.put(":to", AttributeValue.fromS(to.name()));
        values.put(":expiresAt", expiresAt);
        sets.add("#status = :to");
        sets.add("#expiresAt = :expiresAt");
        if (reason == null) {
            removes.add("#reason");
        } else {
            values.put(":reason", AttributeValue.fromS(reason));
            sets.add("#reason = :reason");
        }

        // A terminal job leaves the sparse index of unfinished jobs.
        if (to.isTerminal()) {
            names.put("#finishedAtMillis", "finishedAtMillis");
            names.put("#unfinished", JobItems.UNFINISHED);
            values.put(":now", AttributeValue.fromN(Long.toString(nowMillis)));
            sets.add("#finishedAtMillis = :now");
            removes.add("#unfinished");
        }

        String condition = existsWithStatusIn(from, names, values);
        String update =
                "SET "
                        + String.join(", ", sets)
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return new JobTransition(update, condition, names, values);
    }

    /**
     * Returns the condition that the job item exists with one of the {@code from} statuses, adding
     * the names and values it uses ({@code #status} must already be named).
     */
    static String existsWithStatusIn(
            Set<JobStatus> from, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#pk", JobItems.PK);
        List<String> placeholders = new ArrayList<>();
        for (JobStatus status : from) {
            String placeholder = ":from" + placeholders.size();
            values.put(placeholder, AttributeValue.fromS(status.name()));
            placeholders.add(placeholder);
        }
        return "attribute_exists(#pk) AND #status IN (" + String.join(", ", placeholders) + ")";
    }
}
