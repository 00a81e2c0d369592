package dev.cai.splitter;

import java.time.Duration;

/**
 * How long a job may run before the deadline sweep ends it INCOMPLETE: a fixed allowance for
 * queueing and cold starts plus time proportional to the data, generous enough for a worker pool
 * throttled to two concurrent Lambdas.
 */
public final class JobDeadlines {

    /** Allowance for any job, whatever its size. */
    public static final Duration BASE = Duration.ofMinutes(15);

    /** Allowance per 100 MB of array data. */
    public static final Duration PER_100_MB = Duration.ofMinutes(1);

    private JobDeadlines() {}

    public static long deadlineAt(long createdAtMillis, long dataBytes) {
        long hundreds = (dataBytes + 99_999_999L) / 100_000_000L;
        return createdAtMillis + BASE.toMillis() + hundreds * PER_100_MB.toMillis();
    }
}
