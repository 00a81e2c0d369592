package dev.cai.local.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.ArrayReads;
import dev.cai.dataset.DatasetInspector;
import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.FileByteRangeSource;
import dev.cai.job.AttemptRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.LocalPipeline;
import dev.cai.plan.PartitionPlanner;
import dev.cai.plan.PartitionSpec;
import dev.cai.plan.RowRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a finished job against its dataset and its outputs: which samples were predicted, how
 * often, what the summary counts, and what it bills. Everything is read from the dataset file, the
 * predictions files and the summary, never from the fault plan.
 */
final class JobInvariants {

    private static final Pattern PART_KEY = Pattern.compile("part-(\\d+)\\.csv$");
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

    private final LocalPipeline pipeline;
    private final Path dataset;
    private final PartitionSpec spec;

    JobInvariants(LocalPipeline pipeline, Path dataset, PartitionSpec spec) {
        this.pipeline = pipeline;
        this.dataset = dataset;
        this.spec = spec;
    }

    /** Partition ids with their predictions listed in the summary, by the key's number. */
    static Set<Integer> donePartitions(JobSummary summary) {
        Set<Integer> done = new HashSet<>();
        for (String key : summary.outputs().predictionsKeys()) {
            Matcher matcher = PART_KEY.matcher(key);
            assertThat(matcher.find()).as("predictions key %s names its partition", key).isTrue();
            done.add(Integer.parseInt(matcher.group(1)));
        }
        return done;
    }

    static Set<Integer> failedPartitions(JobSummary summary) {
        Set<Integer> failed = new HashSet<>();
        for (JobSummary.FailedPartition partition : summary.partitions().failedPartitions()) {
            failed.add(partition.partitionId());
        }
        return failed;
    }

    /**
     * Checks that the predictions hold each sample of every DONE partition exactly once and nothing
     * else, that the summary's counts and status match them, and that each failed partition has a
     * reason.
     */
    void checkOutputs(JobSummary summary) throws IOException {
        List<RowRange> partitions = plan();
        Set<Integer> done = donePartitions(summary);
        Set<Integer> failed = failedPartitions(summary);
        JobSummary.Partitions counts = summary.partitions();

        assertThat(counts.total()).as("partitions planned").isEqualTo(partitions.size());
        Set<Integer> both = new HashSet<>(done);
        both.retainAll(failed);
        assertThat(both).as("partitions both DONE and FAILED").isEmpty();
        assertThat(counts.done()).as("DONE count against predictions files").isEqualTo(done.size());
        assertThat(counts.failed()).as("FAILED count against failed list").isEqualTo(failed.size());
        assertThat(counts.missing())
                .as("missing count")
                .isEqualTo(counts.total() - done.size() - failed.size());
        for (JobSummary.FailedPartition partition : counts.failedPartitions()) {
            assertThat(partition.error())
                    .as("reason of failed partition %d", partition.partitionId())
                    .isNotBlank();
        }
        assertThat(summary.status()).as("status for %s", counts).isEqualTo(expectedStatus(counts));

        Map<Long, Integer> expected = countIds(idsOf(partitions, done));
        List<Long> predicted = predictedIds(summary);
        assertThat(countIds(predicted)).as("object ids in the predictions").isEqualTo(expected);
        assertThat(summary.samples()).as("samples in the summary").isEqualTo(predicted.size());
    }

    /**
     * Waits until no message is left and the worker runs stop. Then checks that every run that did
     * not crash recorded exactly one attempt. Also checks that the summary bills one invocation per
     * attempt it counts, and no more attempts than were recorded.
     *
     * <p>NOTE: the summary may miss attempts. A duplicate run can end after the job, and the worker
     * records its attempt after its partition result, so the aggregator can finish the job in
     * between; {@code SingleFaultPipelineTest} shows the second case.
     */
    void checkBilling(JobSummary summary) throws InterruptedException {
        String jobId = summary.jobId();
        WorkerLedger ledger = pipeline.faults().ledger();
        awaitQuiet(jobId);
        List<AttemptRecord> attempts = pipeline.table().listAttempts(jobId);

        assertThat(attempts)
                .as("attempts recorded against worker runs without a crash")
                .hasSize(ledger.runs(jobId) - ledger.crashes(jobId));
        assertThat(summary.cost().invocations())
                .as("billed invocations")
                .isEqualTo(summary.workers().attempts());
        assertThat(summary.workers().attempts())
                .as("attempts in the summary")
                .isLessThanOrEqualTo(attempts.size());
    }

    /** Returns the attempts recorded for the job once the workers are quiet. */
    List<AttemptRecord> recordedAttempts(String jobId) throws InterruptedException {
        awaitQuiet(jobId);
        return pipeline.table().listAttempts(jobId);
    }

    /** Returns the keys under the job's predictions folder, finished partitions or not. */
    List<String> storedPredictionsKeys(JobSummary summary) throws IOException {
        return pipeline.store()
                .list(summary.outputs().bucket(), summary.outputs().prefix() + "predictions/");
    }

    private void awaitQuiet(String jobId) throws InterruptedException {
        WorkerLedger ledger = pipeline.faults().ledger();
        long giveUp = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        int runs = -1;
        while (System.nanoTime() < giveUp) {
            int now = ledger.runs(jobId);
            if (now == runs && ledger.activeRuns() == 0 && pipeline.messagesInQueues() == 0) {
                return;
            }
            runs = now;
            Thread.sleep(QUIET_PERIOD.toMillis());
        }
        throw new AssertionError(
                "job " + jobId + " still had messages or worker runs after " + QUIET_TIMEOUT);
    }

    private static JobStatus expectedStatus(JobSummary.Partitions counts) {
        if (counts.missing() > 0) {
            return JobStatus.INCOMPLETE;
        }
        return counts.failed() > 0 ? JobStatus.COMPLETE_WITH_FAILURES : JobStatus.COMPLETE;
    }

    private List<RowRange> plan() throws IOException {
        return PartitionPlanner.plan(layout(), spec);
    }

    private DatasetLayout layout() throws IOException {
        return DatasetInspector.inspectNpz(
                new FileByteRangeSource(dataset, dataset.getFileName().toString()),
                ArrayNames.DEFAULT);
    }

    private List<Long> idsOf(List<RowRange> partitions, Set<Integer> selected) throws IOException {
        long[] all = datasetIds();
        List<Long> ids = new ArrayList<>();
        for (RowRange range : partitions) {
            if (!selected.contains(range.partitionId())) {
                continue;
            }
            for (long row = range.rowStart(); row < range.rowEnd(); row++) {
                ids.add(all[Math.toIntExact(row)]);
            }
        }
        return ids;
    }

    /** Reads the dataset's {@code object_ids} array from the file itself. */
    long[] datasetIds() throws IOException {
        ArrayLayout ids =
                layout().objectIds()
                        .orElseThrow(
                                () -> new AssertionError(dataset + " has no object_ids array"));
        return ArrayReads.readInt64(new FileByteRangeSource(dataset), ids);
    }

    private List<Long> predictedIds(JobSummary summary) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String key : summary.outputs().predictionsKeys()) {
            String csv =
                    new String(
                            pipeline.store().get(summary.outputs().bucket(), key),
                            StandardCharsets.UTF_8);
            String[] lines = csv.split("\n");
            assertThat(lines[0]).as("header of %s", key).startsWith("object_id,");
            for (int i = 1; i < lines.length; i++) {
                ids.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))));
            }
        }
        return ids;
    }

    private static Map<Long, Integer> countIds(List<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Long id : ids) {
            counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }
}
