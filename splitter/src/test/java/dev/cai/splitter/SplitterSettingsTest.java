package dev.cai.splitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.plan.PartitionSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitterSettingsTest {

    private static final Map<String, String> REQUIRED =
            Map.of(
                    "JOB_TABLE",
                    "jobs",
                    "PARTITION_QUEUE_URL",
                    "http://queue",
                    "OUTPUT_BUCKET",
                    "out");

    @Test
    void fromEnvironment_defaults_partitionBy25Megabytes() {
        SplitterSettings settings = SplitterSettings.fromEnvironment(REQUIRED);

        assertThat(settings.partitionSpec()).isEqualTo(new PartitionSpec.BySize(25_000_000L));
        assertThat(settings.batchSize()).isEqualTo(512);
        assertThat(settings.outputPrefix()).isEqualTo("jobs/");
    }

    @Test
    void fromEnvironment_sampleCount_overridesSize() {
        Map<String, String> env = new java.util.HashMap<>(REQUIRED);
        env.put("PARTITION_SAMPLES", "1000");

        assertThat(SplitterSettings.fromEnvironment(env).partitionSpec())
                .isEqualTo(new PartitionSpec.BySamples(1000));
    }

    @Test
    void fromEnvironment_everyProblem_reportedTogether() {
        Map<String, String> env = Map.of("PARTITION_SIZE", "25 XB", "BATCH_SIZE", "0");

        assertThatThrownBy(() -> SplitterSettings.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JOB_TABLE is missing")
                .hasMessageContaining("PARTITION_QUEUE_URL is missing")
                .hasMessageContaining("OUTPUT_BUCKET is missing")
                .hasMessageContaining("PARTITION_SIZE='25 XB'")
                .hasMessageContaining("BATCH_SIZE='0'");
    }
}
