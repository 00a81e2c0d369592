package dev.cai.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatesReaderTest {

    private static final String HEADER =
            "sweep,partition_bytes,data_bytes,batch_size,run,status,"
                    + "job_id,partitions,job_wall_s,inference_window_s,samples,bits,"
                    + "wallclock_throughput_bps,summed_worker_throughput_bps,samples_per_s,"
                    + "handler_s_total,memory_mb,cold_starts,init_s_total,cost_usd,error";

    @Test
    void fromRunsCsv_completeRuns_ratePerMib() {
        // 2 MiB in 3 s and 4 MiB in 5 s: 8 s over 6 MiB; INIT 1.5 + 2.5 s over 2 + 2 cold starts.
        List<String> lines =
                List.of(
                        HEADER,
                        "data-size,1,2097152,512,1,COMPLETE,a,2,1,1,1,16777216,0,0,0,3.0,3008,2,1.5,0,",
                        "data-size,1,4194304,512,1,COMPLETE,b,4,1,1,1,33554432,0,0,0,5.0,3008,2,2.5,0,",
                        "data-size,1,4194304,512,2,ERROR,,0,0,0,0,0,0,0,0,0.0,0,0,0.0,0,boom");
        Rates rates = RatesReader.fromRunsCsv(lines, "runs.csv");
        assertThat(rates.secondsPerMib()).isCloseTo(8.0 / 6.0, within(1e-12));
        assertThat(rates.coldStartSeconds()).isCloseTo(1.0, within(1e-12));
        assertThat(rates.memoryMb()).isEqualTo(3008);
    }

    @Test
    void fromRunsCsv_noCompleteRun_rejected() {
        List<String> lines =
                List.of(
                        HEADER,
                        "data-size,1,4194304,512,2,ERROR,,0,0,0,0,0,0,0,0,0.0,0,0,0.0,0,boom");
        assertThatThrownBy(() -> RatesReader.fromRunsCsv(lines, "runs.csv"))
                .hasMessageContaining("no COMPLETE run");
    }

    @Test
    void fromRunsCsv_missingColumn_namesColumn() {
        assertThatThrownBy(() -> RatesReader.fromRunsCsv(List.of("status,bits"), "x.csv"))
                .hasMessageContaining("'handler_s_total'");
    }
}
