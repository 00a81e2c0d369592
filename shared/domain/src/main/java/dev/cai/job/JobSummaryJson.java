package dev.cai.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes and reads {@code summary.json}. */
public final class JobSummaryJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobSummaryJson() {}

    /** Serializes a summary as indented JSON. NaN metrics are written as the string "NaN". */
    public static String write(JobSummary summary) {
        try {
            return MAPPER.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "failed to serialize the summary of job " + summary.jobId(), e);
        }
    }

    /**
     * Parses a summary. Unknown fields are ignored so that older readers accept newer files.
     *
     * @throws IllegalArgumentException when the text is not a summary
     */
    public static JobSummary read(String json) {
        try {
            return MAPPER.readValue(json, JobSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a job summary: " + e.getOriginalMessage(), e);
        }
    }
}
