package dev.cai.cost;

import dev.cai.job.AttemptRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prices a job's Lambda invocations and service requests at list prices. */
public final class CostCalculator {

    /** Name of the worker function in {@link LambdaInvocation#function()}. */
    public static final String WORKER = "worker";

    private CostCalculator() {}

    /**
     * Prices the worker attempts of a job, failed ones included, and the given requests.
     *
     * @see #invocationsOf(List)
     */
    public static CostBreakdown cost(
            List<AttemptRecord> attempts, RequestCounts requests, PriceTable prices) {
        return costOfInvocations(invocationsOf(attempts), requests, prices);
    }

    /** Prices the worker attempts plus other invocations of the job (splitter, aggregator). */
    public static CostBreakdown cost(
            List<AttemptRecord> attempts,
            List<LambdaInvocation> otherInvocations,
            RequestCounts requests,
            PriceTable prices) {
        List<LambdaInvocation> all = new ArrayList<>(invocationsOf(attempts));
        all.addAll(otherInvocations);
        return costOfInvocations(all, requests, prices);
    }

    /**
     * Prices a list of invocations and requests. Each invocation is billed its configured memory
     * times its billed duration (see {@link LambdaInvocation#billedMillis()}).
     */
    public static CostBreakdown costOfInvocations(
            List<LambdaInvocation> invocations, RequestCounts requests, PriceTable prices) {
        double compute = 0;
        double gbSeconds = 0;
        for (LambdaInvocation invocation : invocations) {
            double invocationGbSeconds = invocation.gbSeconds();
            gbSeconds += invocationGbSeconds;
            compute += invocationGbSeconds * prices.lambdaPerGbSecond(invocation.architecture());
        }
        double lambdaRequests =
                invocations.size() * prices.lambdaPerMillionRequests().usd() / 1_000_000.0;
        double sqs = requests.sqsRequests() * prices.sqsPerMillionRequests().usd() / 1_000_000.0;
        double dynamoDb =
                (requests.dynamoDbWriteUnits() * prices.dynamoDbPerMillionWriteUnits().usd()
                                + requests.dynamoDbReadUnits()
                                        * prices.dynamoDbPerMillionReadUnits().usd())
                        / 1_000_000.0;
        double s3 =
                (requests.s3Puts() * prices.s3PerThousandPuts().usd()
                                + requests.s3Gets() * prices.s3PerThousandGets().usd())
                        / 1000.0;
        double total = compute + lambdaRequests + sqs + dynamoDb + s3;
        return new CostBreakdown(
                compute,
                lambdaRequests,
                sqs,
                dynamoDb,
                s3,
                total,
                gbSeconds,
                invocations.size(),
                prices.region(),
                prices.checkedOn());
    }

    /**
     * Groups attempts into invocations by Lambda request id, because one invocation can carry
     * several SQS messages. An invocation's duration is the sum of its attempts' durations, and its
     * INIT time is the largest INIT time among them (INIT happens once per invocation).
     */
    public static List<LambdaInvocation> invocationsOf(List<AttemptRecord> attempts) {
        Map<String, List<AttemptRecord>> byRequest = new LinkedHashMap<>();
        for (AttemptRecord attempt : attempts) {
            String requestId =
                    attempt.requestId() == null
                            ? "attempt-" + byRequest.size()
                            : attempt.requestId();
            byRequest.computeIfAbsent(requestId, id -> new ArrayList<>()).add(attempt);
        }
        List<LambdaInvocation> invocations = new ArrayList<>(byRequest.size());
        for (List<AttemptRecord> group : byRequest.values()) {
            long duration = 0;
            long init = 0;
            for (AttemptRecord attempt : group) {
                duration += attempt.durationMillis();
                init = Math.max(init, attempt.initMillis());
            }
            AttemptRecord first = group.get(0);
            invocations.add(
                    new LambdaInvocation(
                            WORKER, duration, init, first.memoryMb(), first.architecture()));
        }
        return invocations;
    }
}
