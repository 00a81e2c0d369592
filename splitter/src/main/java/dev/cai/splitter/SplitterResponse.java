package dev.cai.splitter;

import java.util.List;

/**
 * The splitter's return value: one outcome per S3 record in the event.
 *
 * @param outcomes what happened to each object
 */
public record SplitterResponse(List<SplitOutcome> outcomes) {}
