package dev.cai.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cai.cost.PriceTable;
import dev.cai.loadtest.Units;
import dev.cai.plan.ByteSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final PriceTable PRICES = PriceTable.loadDefault();

    /** 1 s per MiB at one vCPU and a 2 s cold start: easy to follow by hand. */
    private static final Rates ONE_SECOND_PER_MIB = new Rates(1.0, 1769, 2.0, "test");

    private static PlanInput tenMib(int memoryMb, int maxConcurrency) {
        return new PlanInput(10 * Units.MIB, Units.MIB, memoryMb, maxConcurrency, 1000, "x86_64");
    }

    @Test
    void capAt_start_initialConcurrency() {
        assertThat(Planner.capAt(0, 1000)).isEqualTo(5);
    }

    @Test
    void capAt_secondMinute_addsThreeHundred() {
        assertThat(Planner.capAt(60, 1000)).isEqualTo(305);
    }

    @Test
    void capAt_late_limitedByCap() {
        assertThat(Planner.capAt(600, 1000)).isEqualTo(1000);
    }

    @Test
    void estimate_tenPartitions_twoRoundsOfFive() {
        // 5 cold workers end at 2 + 1 = 3 s, then 5 warm ones run from 3 s to 4 s.
        PlanEstimate estimate = new Planner(ONE_SECOND_PER_MIB, PRICES).estimate(tenMib(1769, 0));
        assertThat(estimate.makespanSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(estimate.coldStarts()).isEqualTo(5);
        assertThat(estimate.peakConcurrency()).isEqualTo(5);
    }

    @Test
    void estimate_tenPartitions_billsInitAndWork() {
        // 5 x (2 + 1) s + 5 x 1 s = 20 s at 1769 / 1024 GB.
        PlanEstimate estimate = new Planner(ONE_SECOND_PER_MIB, PRICES).estimate(tenMib(1769, 0));
        assertThat(estimate.cost().gbSeconds()).isCloseTo(20.0 * 1769 / 1024, within(1e-9));
        assertThat(estimate.cost().invocations()).isEqualTo(10);
    }

    @Test
    void estimate_maximumConcurrencyTwo_fiveRounds() {
        // 2 cold workers end at 3 s, then 4 rounds of 2 warm partitions, 1 s each.
        PlanEstimate estimate = new Planner(ONE_SECOND_PER_MIB, PRICES).estimate(tenMib(1769, 2));
        assertThat(estimate.makespanSeconds()).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void estimate_doubleMemory_halvesPartitionTime() {
        PlanEstimate estimate = new Planner(ONE_SECOND_PER_MIB, PRICES).estimate(tenMib(3538, 0));
        assertThat(estimate.partitionSeconds()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void estimate_shortLastPartition_billedForItsBytes() {
        // 2.5 MiB in 1 MiB partitions: 1 + 1 + 0.5 s of work, 3 cold starts of 2 s.
        PlanInput input = new PlanInput(5 * Units.MIB / 2, Units.MIB, 1024, 0, 1000, "arm64");
        Rates rates = new Rates(1.0, 1024, 2.0, "test");
        PlanEstimate estimate = new Planner(rates, PRICES).estimate(input);
        assertThat(estimate.partitions()).isEqualTo(3);
        assertThat(estimate.cost().gbSeconds()).isCloseTo(8.5, within(1e-9));
    }

    @Test
    void estimate_slowerThanTimeout_flagged() {
        Rates slow = new Rates(100.0, 1769, 0, "test");
        PlanEstimate estimate =
                new Planner(slow, PRICES).estimate(tenMib(1769, 0).with(10 * Units.MIB, 1769));
        assertThat(estimate.withinTimeout()).isFalse();
    }

    @Test
    void estimate_publishedDataset_517Partitions() {
        PlanInput input =
                new PlanInput(
                        ByteSize.parse("12.6GiB"),
                        ByteSize.parse("25MiB"),
                        10_240,
                        0,
                        1000,
                        "x86_64");
        assertThat(new Planner(Rates.builtIn(), PRICES).estimate(input).partitions())
                .isEqualTo(517);
    }

    @Test
    void recommend_cheapestWithinSlackOfFastest() {
        Planner planner = new Planner(ONE_SECOND_PER_MIB, PRICES);
        List<PlanEstimate> grid = planner.grid(tenMib(1769, 0));
        PlanEstimate chosen = Planner.recommend(grid);
        double fastest = grid.get(0).makespanSeconds();
        assertThat(chosen.makespanSeconds()).isLessThanOrEqualTo(fastest * 1.10);
        assertThat(grid)
                .filteredOn(e -> e.makespanSeconds() <= fastest * 1.10)
                .allSatisfy(
                        e ->
                                assertThat(e.cost().totalUsd())
                                        .isGreaterThanOrEqualTo(chosen.cost().totalUsd()));
    }

    @Test
    void recommend_nothingWithinTimeout_rejected() {
        Planner planner = new Planner(new Rates(10_000.0, 1769, 0, "test"), PRICES);
        List<PlanEstimate> grid = planner.grid(tenMib(1769, 0));
        assertThatThrownBy(() -> Planner.recommend(grid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("900 s");
    }

    @Test
    void planInput_maximumConcurrencyOne_rejected() {
        assertThatThrownBy(() -> tenMib(1769, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum concurrency is 1: expected 2 to 1000");
    }

    @Test
    void planInput_memoryAboveLimit_rejected() {
        assertThatThrownBy(() -> tenMib(20_000, 0)).hasMessageContaining("memory is 20000 MB");
    }

    @Test
    void builtInRates_publishedDurationsOverSizes() {
        assertThat(Rates.builtIn().secondsPerMib()).isCloseTo(62.85 / 250, within(1e-12));
    }
}
