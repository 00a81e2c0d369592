package dev.cai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cai.aws.S3ObjectStore;
import dev.cai.aws.UploadProgress;
import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.ArrayReads;
import dev.cai.dataset.DatasetInspector;
import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.FileByteRangeSource;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import dev.cai.splitter.JobParameters;
import dev.cai.splitter.SplitOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of the real handlers on embedded S3, SQS and the in-process table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPipelineTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Path SDSS_CUTOUTS =
            TestPaths.sharedData().resolve("sdss-cutouts/sdss-001035-6-0017.npz");

    @TempDir static Path workDir;

    private LocalPipeline pipeline;

    @BeforeAll
    void startPipeline() throws Exception {
        LocalOptions options =
                LocalOptions.defaults(workDir, TestPaths.shippedModel())
                        .withWorkers(2)
                        .withPartitioning(new PartitionSpec.BySamples(64), 32);
        pipeline = LocalPipeline.start(options);
    }

    @AfterAll
    void stopPipeline() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void run_generatedDataset_predictsEverySampleExactlyOnce() throws Exception {
        Path dataset = workDir.resolve("generated-300.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 300, 7, true, 64));

        SplitOutcome outcome = pipeline.submit(dataset);
        JobSummary summary = pipeline.await(outcome.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(summary.partitions().total()).isEqualTo(5);
        assertThat(summary.partitions().done()).isEqualTo(5);
        assertThat(summary.samples()).isEqualTo(300);
        assertThat(summary.photoZMetrics())
                .hasValueSatisfying(metrics -> assertThat(metrics.count()).isEqualTo(300));
        assertThat(predictionCounts(summary)).isEqualTo(countIds(objectIds(dataset)));
    }

    @Test
    void submit_repeatedEvent_keepsOneJob() throws Exception {
        Path dataset = workDir.resolve("generated-100.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 100, 11, false, 64));

        SplitOutcome first = pipeline.submit(dataset);
        SplitOutcome repeat =
                pipeline.deliverUpload(LocalPipeline.DATASET_PREFIX + "generated-100.npz");
        JobSummary summary = pipeline.await(first.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(repeat.jobId()).isEqualTo(first.jobId());
        assertThat(repeat.message()).isEqualTo("job already exists");
        assertThat(summary.samples()).isEqualTo(100);
        assertThat(predictionCounts(summary)).isEqualTo(countIds(objectIds(dataset)));
    }

    @Test
    void submit_uploadMetadata_overridesPartitionsAndBatch() throws Exception {
        Path dataset = workDir.resolve("metadata-120.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 120, 13, false, 64));
        String key = LocalPipeline.DATASET_PREFIX + "metadata-120.npz";
        ((S3ObjectStore) pipeline.store())
                .upload(
                        LocalCloud.INPUT_BUCKET,
                        key,
                        dataset,
                        JobParameters.metadata(null, 40L, 16),
                        UploadProgress.NONE);

        SplitOutcome outcome = pipeline.deliverUpload(key);
        JobSummary summary = pipeline.await(outcome.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(outcome.partitions()).isEqualTo(3);
        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(summary.samples()).isEqualTo(120);
    }

    @Test
    void submit_invalidUploadMetadata_endsFailedNamingIt() throws Exception {
        Path dataset = workDir.resolve("bad-metadata-40.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 40, 17, false, 64));
        String key = LocalPipeline.DATASET_PREFIX + "bad-metadata-40.npz";
        ((S3ObjectStore) pipeline.store())
                .upload(
                        LocalCloud.INPUT_BUCKET,
                        key,
                        dataset,
                        Map.of("cai-batch-size", "-3"),
                        UploadProgress.NONE);

        SplitOutcome outcome = pipeline.deliverUpload(key);
        JobSummary summary = pipeline.await(outcome.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
        assertThat(summary.reason()).contains("x-amz-meta-cai-batch-size='-3'");
    }

    @Test
    void run_compressedNpz_endsFailedWithReason() throws Exception {
        Path compressed =
                TestPaths.repositoryRoot()
                        .resolve("shared/domain/src/test/resources/numpy/compressed.npz");
        assumeTrue(Files.exists(compressed), "fixture missing: " + compressed);

        SplitOutcome outcome = pipeline.submit(compressed);
        JobSummary summary = pipeline.await(outcome.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
        assertThat(summary.reason()).contains("compressed.npz").contains("np.savez");
        assertThat(summary.samples()).isZero();
    }

    @Test
    void run_realSdssCutouts_predictsEachObjectOnceAndFinite() throws Exception {
        assumeTrue(Files.exists(SDSS_CUTOUTS), "real SDSS stamps not found: " + SDSS_CUTOUTS);

        SplitOutcome outcome = pipeline.submit(SDSS_CUTOUTS);
        JobSummary summary = pipeline.await(outcome.jobId(), TIMEOUT, ProgressListener.NONE);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(summary.samples()).isEqualTo(256);
        assertThat(summary.photoZMetrics()).isEmpty();
        Map<Long, Integer> predicted = predictionCounts(summary);
        assertThat(predicted).isEqualTo(countIds(objectIds(SDSS_CUTOUTS)));
        for (String line : predictionLines(summary)) {
            float redshift = Float.parseFloat(line.split(",")[1]);
            assertThat(Float.isFinite(redshift)).as("finite prediction in '%s'", line).isTrue();
        }
    }

    private List<String> predictionLines(JobSummary summary) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String key : summary.outputs().predictionsKeys()) {
            String csv =
                    new String(
                            pipeline.store().get(summary.outputs().bucket(), key),
                            StandardCharsets.UTF_8);
            String[] rows = csv.split("\n");
            assertThat(rows[0]).startsWith("object_id,z_pred");
            for (int i = 1; i < rows.length; i++) {
                lines.add(rows[i]);
            }
        }
        return lines;
    }

    private Map<Long, Integer> predictionCounts(JobSummary summary) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String line : predictionLines(summary)) {
            ids.add(Long.parseLong(line.split(",")[0]));
        }
        return countIds(ids);
    }

    private static List<Long> objectIds(Path dataset) throws IOException {
        DatasetLayout layout =
                DatasetInspector.inspectNpz(
                        new FileByteRangeSource(dataset, dataset.getFileName().toString()),
                        ArrayNames.DEFAULT);
        long[] values =
                ArrayReads.readInt64(
                        new FileByteRangeSource(dataset), layout.objectIds().orElseThrow());
        List<Long> list = new ArrayList<>();
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    private static Map<Long, Integer> countIds(List<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Long id : ids) {
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }
}
