package dev.cai.loadtest.sweep;

/** The three sweeps, each varying one parameter family. */
public enum SweepKind {
    /** Data sizes times partition sizes, at one batch size. */
    DATA_SIZE("data-size"),
    /** Batch sizes at several data sizes, at one partition size. */
    BATCH_SIZE("batch-size"),
    /** Partition sizes at one data size and batch size. */
    PARTITION_SIZE("partition-size");

    private final String commandName;

    SweepKind(String commandName) {
        this.commandName = commandName;
    }

    /** Returns the subcommand name, also used in file names. */
    public String commandName() {
        return commandName;
    }
}
