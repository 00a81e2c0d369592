package dev.cai.local.fault;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.ArrayReads;
import dev.cai.dataset.DatasetInspector;
import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.FileByteRangeSource;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.LocalCloud;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.plan.PartitionPlanner;
import dev.cai.plan.PartitionSpec;
import dev.cai.plan.RowRange;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A randomized soak of the local pipeline. It runs N jobs one after another, each under its own
 * random mix of faults drawn from one seed. It prints the faults injected by kind, the samples lost
 * and duplicated (both must be 0) and the jobs by end status. A benchmark, not a test, because its
 * fault mixes vary with the seed and the thread timing.
 *
 * <p>Usage: {@code FaultSoak [jobs] [seed] [workDir]}, by default 20 jobs, seed 1 and a new
 * temporary folder. The system property {@code cai.repository.root} locates the SavedModel under
 * {@code model/saved-model}; the TensorFlow native libraries are found as the launcher finds them.
 */
public final class FaultSoak {

    private static final Pattern PART_KEY = Pattern.compile("part-(\\d+)\\.csv$");
    private static final PartitionSpec PARTITIONS = new PartitionSpec.BySamples(48);
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(90);

    private final LocalPipeline pipeline;
    private final Path workDir;
    private final SplittableRandom random;
    private final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
    private final Map<JobStatus, Integer> statuses = new EnumMap<>(JobStatus.class);
    private long samplesLost;
    private long samplesDuplicated;
    private long countMismatches;

    private FaultSoak(LocalPipeline pipeline, Path workDir, long seed) {
        this.pipeline = pipeline;
        this.workDir = workDir;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path workDir =
                args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cai-fault-soak");
        Path model =
                Path.of(System.getProperty("cai.repository.root", "."))
                        .resolve("model/saved-model");
        LocalOptions options =
                new LocalOptions(
                        workDir,
                        2,
                        1024,
                        PARTITIONS,
                        32,
                        model,
                        ArrayNames.DEFAULT,
                        Map.of(),
                        3,
                        1,
                        Duration.ofSeconds(1),
                        20);
        long start = System.nanoTime();
        try (LocalPipeline pipeline = LocalPipeline.start(options, FaultPlan.none())) {
            FaultSoak soak = new FaultSoak(pipeline, workDir, seed);
            for (int i = 0; i < jobs; i++) {
                soak.runJob(i);
            }
            soak.print(jobs, seed, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void runJob(int index) throws Exception {
        FaultPlan plan = randomPlan();
        pipeline.faults().use(plan);
        int samples = 200 + random.nextInt(201);
        Path dataset = workDir.resolve("soak-" + index + ".npz");
        SyntheticDataset.generate(
                new GenerationRequest(dataset, samples, random.nextLong(), true, 64));

        String jobId = pipeline.submit(dataset).jobId();
        JobSummary summary =
                pipeline.await(jobId, JOB_DEADLINE.plusMinutes(1), ProgressListener.NONE);
        check(dataset, summary);
        pipeline.faults()
                .counters()
                .snapshot()
                .forEach((kind, count) -> faults.merge(kind, count, Long::sum));
        statuses.merge(summary.status(), 1, Integer::sum);
        System.out.printf(
                "job %2d: %d samples, %s, faults %d%n",
                index, samples, summary.status(), pipeline.faults().counters().total());
    }

    /** Draws a rate for each kind: zero for about a third of the kinds, else up to a maximum. */
    private FaultPlan randomPlan() {
        FaultPlan.Builder builder = FaultPlan.seeded(random.nextLong()).jobDeadline(JOB_DEADLINE);
        rate(builder, FaultKind.DUPLICATE_DELIVERY, 0.3);
        rate(builder, FaultKind.S3_EVENT_REDELIVERY, 0.5);
        rate(builder, FaultKind.WORKER_CRASH, 0.3);
        rate(builder, FaultKind.AGGREGATOR_CRASH, 0.1);
        rate(builder, FaultKind.STREAM_REDELIVERY, 0.5);
        rate(builder, FaultKind.STREAM_REORDER, 0.5);
        rate(builder, FaultKind.CORRUPT_RANGE, 0.2);
        rate(builder, FaultKind.THROTTLING, 0.03);
        return builder.build();
    }

    private void rate(FaultPlan.Builder builder, FaultKind kind, double max) {
        if (random.nextInt(3) > 0) {
            builder.rate(kind, random.nextDouble() * max);
        }
    }

    /**
     * Counts the samples of DONE partitions missing from the predictions, the predictions beyond
     * one per sample, and summaries whose counts disagree with the predictions.
     */
    private void check(Path dataset, JobSummary summary) throws IOException {
        DatasetLayout layout =
                DatasetInspector.inspectNpz(
                        new FileByteRangeSource(dataset, dataset.getFileName().toString()),
                        ArrayNames.DEFAULT);
        long[] ids = objectIds(dataset, layout);
        Set<Integer> done = new HashSet<>();
        Map<Long, Integer> balance = new HashMap<>();
        long predicted = 0;
        for (String key : summary.outputs().predictionsKeys()) {
            Matcher matcher = PART_KEY.matcher(key);
            if (matcher.find()) {
                done.add(Integer.parseInt(matcher.group(1)));
            }
            predicted += addPredictions(key, balance);
        }
        for (RowRange range : PartitionPlanner.plan(layout, PARTITIONS)) {
            if (done.contains(range.partitionId())) {
                for (long row = range.rowStart(); row < range.rowEnd(); row++) {
                    balance.merge(ids[Math.toIntExact(row)], -1, Integer::sum);
                }
            }
        }
        for (int difference : balance.values()) {
            if (difference < 0) {
                samplesLost -= difference;
            } else {
                samplesDuplicated += difference;
            }
        }
        JobSummary.Partitions partitions = summary.partitions();
        boolean countsAgree =
                summary.samples() == predicted
                        && partitions.done() == done.size()
                        && partitions.failed() == partitions.failedPartitions().size()
                        && partitions.total()
                                == partitions.done() + partitions.failed() + partitions.missing();
        if (!countsAgree) {
            countMismatches++;
        }
    }

    /** Adds one per predicted row to {@code balance}; returns the rows read. */
    private long addPredictions(String key, Map<Long, Integer> balance) throws IOException {
        String csv =
                new String(
                        pipeline.store().get(LocalCloud.OUTPUT_BUCKET, key),
                        StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            balance.merge(
                    Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))), 1, Integer::sum);
        }
        return lines.length - 1L;
    }

    private static long[] objectIds(Path dataset, DatasetLayout layout) throws IOException {
        ArrayLayout array =
                layout.objectIds()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                dataset
                                                        + " has no object_ids array; the soak"
                                                        + " generates datasets with one"));
        return ArrayReads.readInt64(new FileByteRangeSource(dataset), array);
    }

    private void print(int jobs, long seed, Duration elapsed) {
        System.out.printf("runs: %d jobs, seed %d, %d s%n", jobs, seed, elapsed.toSeconds());
        System.out.println("faults injected by kind:");
        for (FaultKind kind : FaultKind.values()) {
            System.out.printf("  %-20s %d%n", kind, faults.getOrDefault(kind, 0L));
        }
        System.out.println("samples lost: " + samplesLost);
        System.out.println("samples duplicated: " + samplesDuplicated);
        System.out.println(
                "summaries with counts that disagree with the predictions: " + countMismatches);
        System.out.println("jobs by end status: " + statuses);
    }
}
