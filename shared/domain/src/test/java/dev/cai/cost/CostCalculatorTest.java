package dev.cai.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cai.job.AttemptRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    private static final PriceTable PRICES = PriceTable.loadDefault();

    private static AttemptRecord attempt(String requestId, long duration, long init, String arch) {
        return new AttemptRecord("job", 0, requestId, 1, duration, init, 1024, arch, "DONE", 0);
    }

    @Test
    void invocationsOf_sameRequestId_merged() {
        List<LambdaInvocation> invocations =
                CostCalculator.invocationsOf(
                        List.of(
                                attempt("a", 100, 700, "x86_64"),
                                attempt("a", 200, 0, "x86_64"),
                                attempt("b", 50, 0, "x86_64")));
        assertThat(invocations)
                .containsExactly(
                        new LambdaInvocation("worker", 300, 700, 1024, "x86_64"),
                        new LambdaInvocation("worker", 50, 0, 1024, "x86_64"));
    }

    @Test
    void billedMillis_fractionalDuration_roundsUp() {
        assertThat(new LambdaInvocation("f", 1.2, 0.3, 128, "x86_64").billedMillis()).isEqualTo(2);
    }

    @Test
    void cost_coldStart_billsInitDuration() {
        // (1000 + 500) ms at 1 GB = 1.5 GB-s.
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(attempt("a", 1000, 500, "x86_64")), RequestCounts.NONE, PRICES);
        assertThat(cost.gbSeconds()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void cost_arm64_usesArmPrice() {
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(attempt("a", 2000, 0, "arm64")), RequestCounts.NONE, PRICES);
        assertThat(cost.lambdaComputeUsd())
                .isCloseTo(2.0 * PRICES.lambdaPerGbSecondArm64().usd(), within(1e-15));
    }

    @Test
    void cost_requests_chargedPerInvocation() {
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(attempt("a", 1, 0, "x86_64"), attempt("b", 1, 0, "x86_64")),
                        RequestCounts.NONE,
                        PRICES);
        assertThat(cost.lambdaRequestsUsd())
                .isCloseTo(2 * PRICES.lambdaPerMillionRequests().usd() / 1e6, within(1e-18));
    }

    @Test
    void cost_otherInvocations_added() {
        LambdaInvocation splitter = new LambdaInvocation("splitter", 1000, 0, 512, "arm64");
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(attempt("a", 1000, 0, "x86_64")),
                        List.of(splitter),
                        RequestCounts.NONE,
                        PRICES);
        assertThat(cost.invocations()).isEqualTo(2);
        assertThat(cost.gbSeconds()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void cost_total_sumsCharges() {
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(attempt("a", 1234, 0, "x86_64")),
                        new RequestCounts(1000, 2000, 3000, 40, 50),
                        PRICES);
        double sum =
                cost.lambdaComputeUsd()
                        + cost.lambdaRequestsUsd()
                        + cost.sqsUsd()
                        + cost.dynamoDbUsd()
                        + cost.s3Usd();
        assertThat(cost.totalUsd()).isCloseTo(sum, within(1e-15));
    }

    @Test
    void cost_serviceRequests_atListPrices() {
        CostBreakdown cost =
                CostCalculator.cost(
                        List.of(),
                        new RequestCounts(2_000_000, 1_000_000, 4_000_000, 1000, 10_000),
                        PRICES);
        assertThat(cost.sqsUsd()).isCloseTo(0.80, within(1e-12));
        assertThat(cost.dynamoDbUsd()).isCloseTo(0.625 + 0.5, within(1e-12));
        assertThat(cost.s3Usd()).isCloseTo(0.005 + 0.004, within(1e-12));
    }

    @Test
    void cost_unknownArchitecture_rejected() {
        assertThatThrownBy(
                        () ->
                                CostCalculator.cost(
                                        List.of(attempt("a", 1, 0, "riscv")),
                                        RequestCounts.NONE,
                                        PRICES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'riscv'");
    }

    @Test
    void estimate_negativeCount_rejected() {
        assertThatThrownBy(() -> RequestCounts.estimate(-1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
