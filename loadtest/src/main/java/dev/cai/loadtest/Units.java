package dev.cai.loadtest;

/**
 * Byte units of the load test. Sizes typed on the command line follow {@link
 * dev.cai.plan.ByteSize}: MB is 10^6 bytes and MiB 2^20. Rates are per MiB, because the published
 * Step Functions runs only give back their partition counts (517 partitions of 25 MB from 12.6 GB)
 * when their sizes are read as MiB and GiB.
 */
public final class Units {

    /** A decimal megabyte, 10^6 bytes. */
    public static final long MB = 1_000_000L;

    /** A binary mebibyte, 2^20 bytes. */
    public static final long MIB = 1L << 20;

    private Units() {}

    /** Returns bytes in decimal megabytes. */
    public static double toMb(long bytes) {
        return bytes / (double) MB;
    }

    /** Returns bytes in mebibytes. */
    public static double toMib(long bytes) {
        return bytes / (double) MIB;
    }
}
