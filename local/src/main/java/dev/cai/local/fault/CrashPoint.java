package dev.cai.local.fault;

/** The step of handling one partition message at which an injected worker crash happens. */
public enum CrashPoint {
    /** Before the first ranged GET of the partition's bytes. */
    BEFORE_READ,
    /** After every batch was read and predicted, before the predictions object is written. */
    AFTER_READ,
    /** After the predictions object is written, before the partition result is recorded. */
    AFTER_WRITE
}
