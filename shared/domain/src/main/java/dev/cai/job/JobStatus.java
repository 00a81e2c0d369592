package dev.cai.job;

/** The states of a job, from the splitter's first write to the aggregator's last. */
public enum JobStatus {
    /** The splitter has recorded the job and is sending partition descriptors. */
    SUBMITTING,
    /** Every descriptor was sent; workers are running. */
    RUNNING,
    /** Every partition was predicted. */
    COMPLETE,
    /** Every partition ended, and at least one of them failed. */
    COMPLETE_WITH_FAILURES,
    /** The job could not start: the dataset is invalid or unreadable. */
    FAILED,
    /** The deadline passed before every partition ended. */
    INCOMPLETE;

    public boolean isTerminal() {
        return this != SUBMITTING && this != RUNNING;
    }
}
