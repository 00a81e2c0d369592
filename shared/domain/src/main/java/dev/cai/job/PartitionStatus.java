package dev.cai.job;

/** The terminal states of one partition. */
public enum PartitionStatus {
    DONE,
    FAILED
}
