package dev.cai.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatesFitTest {

    private static final String HEADER =
            "sweep,partition_bytes,data_bytes,batch_size,run,status,job_id,partitions,job_wall_s,"
                    + "inference_window_s,samples,bits,wallclock_throughput_bps,"
                    + "summed_worker_throughput_bps,samples_per_s,handler_s_total,memory_mb,"
                    + "cold_starts,init_s_total,cost_usd,error";

    /** Returns a COMPLETE row whose handler time is {@code partitions x 0.2 + MiB x 0.01}. */
    private static String row(int partitions, double mebibytes) {
        long bits = (long) (mebibytes * 1024 * 1024 * 8);
        double handler = partitions * 0.2 + mebibytes * 0.01;
        return "data-size,1,1,512,1,COMPLETE,j,"
                + partitions
                + ",1,1,1,"
                + bits
                + ",1,1,1,"
                + handler
                + ",3008,2,0.5,0,";
    }

    @Test
    void fromRunsCsv_variedPartitionSizes_separatesFixedAndPerMibTime() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.add(row(20, 100));
        lines.add(row(4, 100));
        lines.add(row(40, 400));
        lines.add(row(16, 400));

        Rates rates = RatesReader.fromRunsCsv(lines, "runs.csv");

        assertThat(rates.secondsPerPartition()).isCloseTo(0.2, within(1e-6));
        assertThat(rates.secondsPerMib()).isCloseTo(0.01, within(1e-6));
        assertThat(rates.coldStartSeconds()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void fromRunsCsv_onePartitionSize_fallsBackToTimePerMib() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.add(row(10, 100));
        lines.add(row(40, 400));

        Rates rates = RatesReader.fromRunsCsv(lines, "runs.csv");

        assertThat(rates.secondsPerPartition()).isZero();
        assertThat(rates.secondsPerMib())
                .isCloseTo((10 * 0.2 + 1 + 40 * 0.2 + 4) / 500, within(1e-9));
    }

    @Test
    void partitionSecondsAt_sameMemory_addsFixedAndProportionalParts() {
        Rates rates = new Rates(0.01, 1769, 0, "test", 0.2);

        assertThat(rates.partitionSecondsAt(1769, 25)).isCloseTo(0.45, within(1e-9));
        assertThat(rates.partitionSecondsAt(3538, 25)).isCloseTo(0.225, within(1e-9));
    }

    @Test
    void estimate_partitionLargerThanData_timesTheWholeDataOnce() {
        Planner planner =
                new Planner(new Rates(1.0, 1769, 0, "test"), dev.cai.cost.PriceTable.loadDefault());
        PlanInput input =
                new PlanInput(10L * 1024 * 1024, 100L * 1024 * 1024, 1769, 0, 1000, "x86_64");

        PlanEstimate estimate = planner.estimate(input);

        assertThat(estimate.partitions()).isEqualTo(1);
        assertThat(estimate.partitionSeconds()).isCloseTo(10.0, within(1e-6));
        assertThat(estimate.makespanSeconds()).isCloseTo(10.0, within(1e-6));
    }
}
