package dev.cai.cost;

/**
 * One Lambda invocation as Lambda bills it.
 *
 * @param function which function ran, for example {@code worker}, {@code splitter}
 * @param durationMillis handler time in milliseconds, possibly fractional
 * @param initMillis INIT phase time billed with this invocation, 0 on a warm start
 * @param memoryMb configured memory in MB
 * @param architecture {@code x86_64} or {@code arm64}
 */
public record LambdaInvocation(
        String function,
        double durationMillis,
        double initMillis,
        int memoryMb,
        String architecture) {

    public LambdaInvocation {
        if (!(durationMillis >= 0) || !(initMillis >= 0)) {
            throw new IllegalArgumentException(
                    function
                            + " invocation has a negative or NaN time: "
                            + "duration "
                            + durationMillis
                            + " ms, init "
                            + initMillis
                            + " ms");
        }
        if (memoryMb <= 0) {
            throw new IllegalArgumentException(
                    function
                            + " invocation has memory "
                            + memoryMb
                            + " MB: expected a positive configured memory");
        }
    }

    /**
     * Returns the billed duration: handler plus INIT time, rounded up to the next whole
     * millisecond. Lambda has billed in 1 ms steps since December 2020, and has billed the INIT
     * phase of on-demand functions of every package type since 1 August 2025, see
     * https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/
     */
    public long billedMillis() {
        return (long) Math.ceil(durationMillis + initMillis);
    }

    /** Returns the configured memory in GB as Lambda bills it: MB / 1024. */
    public double memoryGb() {
        return memoryMb / 1024.0;
    }

    /** Returns billed GB-seconds: configured memory times billed duration. */
    public double gbSeconds() {
        return memoryGb() * billedMillis() / 1000.0;
    }
}
