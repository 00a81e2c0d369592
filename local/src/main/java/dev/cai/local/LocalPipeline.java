package dev.cai.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cai.aggregator.AggregatorFunctions;
import dev.cai.aggregator.AggregatorHandler;
import dev.cai.aggregator.AggregatorSettings;
import dev.cai.aggregator.DeadLetterHandler;
import dev.cai.aggregator.DeadlineHandler;
import dev.cai.aggregator.JobFinisher;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.aws.SqsPartitionQueue;
import dev.cai.job.JobRecord;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.json.Json;
import dev.cai.local.fault.FaultInjection;
import dev.cai.local.fault.FaultPlan;
import dev.cai.local.table.InMemoryJobTable;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectInfo;
import dev.cai.port.ObjectStore;
import dev.cai.splitter.Rerunner;
import dev.cai.splitter.SplitOutcome;
import dev.cai.splitter.Splitter;
import dev.cai.splitter.SplitterHandler;
import dev.cai.splitter.SplitterResponse;
import dev.cai.splitter.SplitterSettings;
import dev.cai.worker.InferenceWorkerHandler;
import dev.cai.worker.PartitionProcessor;
import dev.cai.worker.model.Predictor;
import dev.cai.worker.model.SavedModelPredictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline on one machine: the real handler classes wired to embedded S3 and SQS and an
 * in-process job table, with event source mappings that deliver events as Lambda would.
 */
public final class LocalPipeline implements AutoCloseable {

    /** The key prefix datasets are uploaded under, as the deployed trigger filters on. */
    public static final String DATASET_PREFIX = "datasets/";

    /** The file in the work folder that the job table is saved to when the pipeline closes. */
    public static final String TABLE_FILE = "job-table.json";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
    private static final int SPLITTER_RETRIES = 2;

    private final LocalOptions options;
    private final LocalCloud cloud;
    private final InMemoryJobTable table;
    private final ObjectStore store;
    private final SplitterHandler splitter;
    private final SqsEventSource workers;
    private final SqsEventSource deadLetters;
    private final StreamEventSource stream;
    private final ScheduledExecutorService deadlineSweep;
    private final List<Predictor> predictors = new ArrayList<>();
    private final FaultInjection faults;

    private LocalPipeline(LocalOptions options, LocalCloud cloud, FaultInjection faults)
            throws IOException {
        Clock clock = Clock.systemUTC();
        this.options = options;
        this.cloud = cloud;
        this.faults = faults;
        this.table = new InMemoryJobTable(JobItems.expiringAfterDays(30, clock));
        Path saved = options.workDir().resolve(TABLE_FILE);
        boolean restored = Files.exists(saved);
        if (restored) {
            LOG.info("loaded {} items of the job table from {}", table.load(saved), saved);
        }
        this.store = new S3ObjectStore(cloud.s3());
        SqsClient sqs = faults.sqs(cloud.sqs());

        SplitterSettings splitterSettings =
                new SplitterSettings(
                        "local",
                        cloud.queueUrl(),
                        LocalCloud.OUTPUT_BUCKET,
                        "jobs/",
                        options.partitionSpec(),
                        options.batchSize(),
                        options.arrayNames(),
                        30);
        this.splitter =
                new SplitterHandler(
                        new Splitter(
                                store,
                                new SqsPartitionQueue(sqs, cloud.queueUrl()),
                                faults.splitterTable(table),
                                splitterSettings,
                                clock));

        List<Supplier<RequestHandler<SQSEvent, SQSBatchResponse>>> containers = new ArrayList<>();
        for (int i = 0; i < options.workers(); i++) {
            containers.add(() -> newWorkerContainer(clock));
        }
        LocalFunction workerFunction =
                new LocalFunction(
                        "cai-inference-worker",
                        options.memoryMb(),
                        options.visibilityTimeoutSeconds() / 6);
        this.workers =
                new SqsEventSource(
                        sqs,
                        cloud.queueUrl(),
                        cloud.queueArn(cloud.queueUrl()),
                        options.messagesPerInvocation(),
                        workerFunction,
                        options.retryDelay());
        this.workers.start(containers);

        AggregatorSettings aggregatorSettings =
                new AggregatorSettings(
                        "local",
                        LocalCloud.OUTPUT_BUCKET,
                        Optional.empty(),
                        30,
                        options.maxReceiveCount());
        AggregatorFunctions functions = AggregatorFunctions.of(table, store, aggregatorSettings);
        if (restored) {
            endInterruptedJobs(functions.finisher());
        }
        AggregatorFunctions counting =
                AggregatorFunctions.of(faults.aggregatorTable(table), store, aggregatorSettings);
        LocalFunction aggregatorFunction = new LocalFunction("cai-aggregator", 1024, 300);
        this.deadLetters =
                new SqsEventSource(
                        cloud.sqs(),
                        cloud.deadLetterQueueUrl(),
                        cloud.queueArn(cloud.deadLetterQueueUrl()),
                        10,
                        new LocalFunction("cai-dead-letters", 512, 60),
                        options.retryDelay());
        this.deadLetters.start(List.of(() -> new DeadLetterHandler(table, clock)));
        this.stream =
                new StreamEventSource(
                        faults.changeFeed(table.feed()::poll)::poll,
                        new AggregatorHandler(counting.aggregator()),
                        aggregatorFunction,
                        100,
                        3);
        this.stream.start();

        DeadlineHandler deadlines = new DeadlineHandler(table, functions.finisher(), clock);
        this.deadlineSweep =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "cai-deadline-sweep");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.deadlineSweep.scheduleWithFixedDelay(() -> sweep(deadlines), 5, 5, TimeUnit.SECONDS);
    }

    /**
     * Ends the jobs that an earlier process left unfinished. Their queued partitions lived in that
     * process's queue and are gone, so they would otherwise wait for their deadline.
     */
    private void endInterruptedJobs(JobFinisher finisher) throws IOException {
        for (JobRecord job : table.listUnfinishedJobs()) {
            finisher.finishIncomplete(
                    job,
                    "the local run that owned this job stopped before it ended, and its queued"
                            + " partitions went with it (cai rerun JOB --failed sends them again)");
            LOG.warn(
                    "job {} was left unfinished by an earlier run and is now INCOMPLETE",
                    job.jobId());
        }
    }

    /** Builds one worker container: loads the model, as a Lambda cold start does. */
    private RequestHandler<SQSEvent, SQSBatchResponse> newWorkerContainer(Clock clock) {
        long containerStart = clock.millis();
        Predictor predictor = SavedModelPredictor.load(options.modelPath(), options.modelInputs());
        synchronized (predictors) {
            predictors.add(predictor);
        }
        FaultInjection.WorkerContainer container =
                faults.workerContainer(store, table, cloud.sqs(), cloud.queueUrl());
        PartitionProcessor processor =
                new PartitionProcessor(
                        container.store(), container.table(), predictor, "x86_64", clock);
        return container.wrap(
                new InferenceWorkerHandler(
                        processor, options.maxReceiveCount(), clock, containerStart));
    }

    /** Starts the stand-ins and the event source mappings; containers start on first use. */
    public static LocalPipeline start(LocalOptions options) throws Exception {
        return start(options, FaultInjection.disabled());
    }

    /**
     * Starts a pipeline whose components inject the faults of {@code plan}; see {@link #faults()}
     * to replace the plan and read what was injected.
     */
    public static LocalPipeline start(LocalOptions options, FaultPlan plan) throws Exception {
        return start(options, FaultInjection.following(plan));
    }

    private static LocalPipeline start(LocalOptions options, FaultInjection faults)
            throws Exception {
        LocalCloud cloud =
                LocalCloud.start(
                        options.workDir(),
                        options.visibilityTimeoutSeconds(),
                        options.maxReceiveCount());
        try {
            return new LocalPipeline(options, cloud, faults);
        } catch (Exception | Error e) {
            cloud.close();
            throw e;
        }
    }

    public JobTable table() {
        return table;
    }

    public ObjectStore store() {
        return store;
    }

    public LocalOptions options() {
        return options;
    }

    /** Returns the pipeline's fault injection, disabled unless started with a plan. */
    public FaultInjection faults() {
        return faults;
    }

    /** Returns how many change records the stream event source gave up on after retries. */
    public int droppedChangeRecords() {
        return stream.droppedRecords().size();
    }

    /**
     * Returns the messages in the partition queue and its dead-letter queue, visible or in flight,
     * as SQS approximates them.
     */
    public int messagesInQueues() {
        int total = 0;
        for (String url : List.of(cloud.queueUrl(), cloud.deadLetterQueueUrl())) {
            Map<QueueAttributeName, String> attributes =
                    cloud.sqs()
                            .getQueueAttributes(
                                    b ->
                                            b.queueUrl(url)
                                                    .attributeNames(
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                            .attributes();
            for (String count : attributes.values()) {
                total += Integer.parseInt(count);
            }
        }
        return total;
    }

    /** Returns the in-process job table, for tests that expire its items. */
    public InMemoryJobTable inMemoryTable() {
        return table;
    }

    /**
     * Uploads a dataset (an {@code .npz}, an {@code .npy}, or a folder of {@code .npy} files with
     * {@code images.npy} uploaded last) and delivers the S3 event to the splitter.
     */
    public SplitOutcome submit(Path dataset) throws IOException {
        String name = dataset.getFileName().toString();
        if (Files.isDirectory(dataset)) {
            return submitFolder(dataset, DATASET_PREFIX + name + "/");
        }
        return submitObject(dataset, DATASET_PREFIX + name);
    }

    /** Uploads one file under {@code key} and delivers its S3 event. */
    public SplitOutcome submitObject(Path file, String key) throws IOException {
        store.upload(LocalCloud.INPUT_BUCKET, key, file);
        return deliverUpload(key);
    }

    private SplitOutcome submitFolder(Path folder, String prefix) throws IOException {
        String imagesFile = options.arrayNames().fileName("images") + ".npy";
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files =
                    listing.filter(
                                    p ->
                                            p.getFileName()
                                                    .toString()
                                                    .toLowerCase(Locale.ROOT)
                                                    .endsWith(".npy"))
                            .sorted(
                                    Comparator.comparing(
                                                    (Path p) ->
                                                            p.getFileName()
                                                                    .toString()
                                                                    .equals(imagesFile))
                                            .thenComparing(Path::toString))
                            .toList();
        }
        if (files.stream().noneMatch(p -> p.getFileName().toString().equals(imagesFile))) {
            throw new IllegalArgumentException(
                    folder
                            + " has no "
                            + imagesFile
                            + ": a folder dataset needs one .npy file per array");
        }
        SplitOutcome last = null;
        for (Path file : files) {
            String key = prefix + file.getFileName();
            store.upload(LocalCloud.INPUT_BUCKET, key, file);
            last = deliverUpload(key);
        }
        return last;
    }

    /** Delivers the S3 event for an uploaded object, retrying as Lambda retries async events. */
    public SplitOutcome deliverUpload(String key) throws IOException {
        ObjectInfo info =
                store.head(LocalCloud.INPUT_BUCKET, key)
                        .orElseThrow(
                                () ->
                                        new IOException(
                                                "uploaded object "
                                                        + key
                                                        + " is not in the "
                                                        + "local input bucket"));
        S3Event event =
                LambdaEvents.objectCreated(LocalCloud.INPUT_BUCKET, key, info.size(), info.etag());
        RuntimeException last = null;
        for (int attempt = 0; attempt <= SPLITTER_RETRIES; attempt++) {
            try {
                SplitterResponse response =
                        splitter.handleRequest(
                                event, new LocalFunction("cai-splitter", 1024, 300).newContext());
                redeliverIfInjected(event, key);
                return response.outcomes().get(0);
            } catch (RuntimeException e) {
                last = e;
                LOG.warn(
                        "splitter failed on {} (attempt {} of {})",
                        key,
                        attempt + 1,
                        SPLITTER_RETRIES + 1,
                        e);
            }
        }
        throw last;
    }

    /** Delivers the event once more when the fault plan draws an S3 event redelivery. */
    private void redeliverIfInjected(S3Event event, String key) {
        if (faults.redeliverS3Event()) {
            LOG.info("injected redelivery of the S3 event for {}", key);
            splitter.handleRequest(
                    event, new LocalFunction("cai-splitter", 1024, 300).newContext());
        }
    }

    /**
     * Sends the failed and missing partitions of a finished job to the workers again; the
     * aggregator then ends the job anew. Wait for it with {@link #await}.
     *
     * @return the partitions sent again
     */
    public List<Integer> rerunFailed(String jobId) throws IOException {
        Rerunner rerunner =
                new Rerunner(
                        store,
                        new SqsPartitionQueue(cloud.sqs(), cloud.queueUrl()),
                        table,
                        options.arrayNames(),
                        Clock.systemUTC());
        return rerunner.rerunFailed(jobId);
    }

    /**
     * Waits until the job ends and returns its summary.
     *
     * @throws TimeoutException when {@code timeout} passes first
     */
    public JobSummary await(String jobId, Duration timeout, ProgressListener listener)
            throws IOException, InterruptedException, TimeoutException {
        long start = System.currentTimeMillis();
        long deadline = start + timeout.toMillis();
        while (true) {
            JobRecord job =
                    table.getJob(jobId)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "job " + jobId + " is not in the table"));
            report(job, listener, start);
            if (job.status().isTerminal()) {
                byte[] summary = store.get(job.outputBucket(), job.summaryKey());
                return Json.fromJson(
                        new String(summary, java.nio.charset.StandardCharsets.UTF_8),
                        JobSummary.class);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("job " + jobId + " did not end within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private void report(JobRecord job, ProgressListener listener, long start) {
        int ended = 0;
        int failed = 0;
        long samples = 0;
        for (PartitionResult result : table.listPartitionResults(job.jobId())) {
            ended++;
            if (result.status() == PartitionStatus.FAILED) {
                failed++;
            }
            samples += result.samples();
        }
        listener.onProgress(
                ended, failed, job.partitionCount(), samples, System.currentTimeMillis() - start);
    }

    private static void sweep(DeadlineHandler deadlines) {
        try {
            deadlines.endOverdueJobs();
        } catch (RuntimeException e) {
            LOG.error("the deadline sweep failed; it runs again in 5 s", e);
        }
    }

    @Override
    public void close() throws IOException {
        deadlineSweep.shutdownNow();
        workers.close();
        deadLetters.close();
        stream.close();
        synchronized (predictors) {
            for (Predictor predictor : predictors) {
                predictor.close();
            }
        }
        table.save(options.workDir().resolve(TABLE_FILE));
        cloud.close();
    }
}
