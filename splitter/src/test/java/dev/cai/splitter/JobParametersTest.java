package dev.cai.splitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.plan.PartitionSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobParametersTest {

    private static final SplitterSettings SETTINGS =
            SplitterSettings.fromEnvironment(
                    Map.of(
                            "JOB_TABLE", "jobs",
                            "PARTITION_QUEUE_URL", "http://queue",
                            "OUTPUT_BUCKET", "out"));

    @Test
    void of_noMetadata_usesSettings() {
        JobParameters parameters = JobParameters.of(SETTINGS, Map.of());

        assertThat(parameters.partitionSpec()).isEqualTo(new PartitionSpec.BySize(25_000_000L));
        assertThat(parameters.batchSize()).isEqualTo(512);
    }

    @Test
    void of_metadata_overridesSizeAndBatch() {
        JobParameters parameters =
                JobParameters.of(
                        SETTINGS, Map.of("cai-partition-size", "50MB", "cai-batch-size", "64"));

        assertThat(parameters.partitionSpec()).isEqualTo(new PartitionSpec.BySize(50_000_000L));
        assertThat(parameters.batchSize()).isEqualTo(64);
    }

    @Test
    void of_sampleCount_winsOverSize() {
        JobParameters parameters =
                JobParameters.of(
                        SETTINGS,
                        Map.of("cai-partition-size", "50MB", "cai-partition-samples", "1000"));

        assertThat(parameters.partitionSpec()).isEqualTo(new PartitionSpec.BySamples(1000));
    }

    @Test
    void of_invalidBatch_namesMetadataAndValue() {
        assertThatThrownBy(() -> JobParameters.of(SETTINGS, Map.of("cai-batch-size", "zero")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-amz-meta-cai-batch-size='zero'")
                .hasMessageContaining("positive");
    }

    @Test
    void metadata_roundTripsThroughOf() {
        Map<String, String> metadata = JobParameters.metadata(10_000_000L, null, 128);

        JobParameters parameters = JobParameters.of(SETTINGS, metadata);

        assertThat(parameters.partitionSpec()).isEqualTo(new PartitionSpec.BySize(10_000_000L));
        assertThat(parameters.batchSize()).isEqualTo(128);
    }
}
