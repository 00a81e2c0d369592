package dev.cai.worker;

import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.NpyDType;
import dev.cai.dataset.RowDecoder;
import dev.cai.job.AttemptRecord;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.plan.ArraySlice;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectStore;
import dev.cai.worker.model.FloatTensor;
import dev.cai.worker.model.Predictions;
import dev.cai.worker.model.Predictor;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predicts one partition: streams its byte ranges in batches, runs the model, writes the
 * predictions object and records the result.
 *
 * <p>Every step can be repeated: the predictions key is fixed per partition, so a retry overwrites
 * the same object instead of adding rows, and the result is a conditional write, so a second worker
 * on the same partition (after a visibility timeout ran out) cannot replace a DONE result.
 */
public final class PartitionProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionProcessor.class);

    private final ObjectStore store;
    private final JobTable table;
    private final Predictor predictor;
    private final String architecture;
    private final Clock clock;

    public PartitionProcessor(
            ObjectStore store,
            JobTable table,
            Predictor predictor,
            String architecture,
            Clock clock) {
        this.store = store;
        this.table = table;
        this.predictor = predictor;
        this.architecture = architecture;
        this.clock = clock;
    }

    /** Stage timings of one partition, in milliseconds. */
    private static final class Stages {
        long read;
        long decode;
        long infer;
        long write;
    }

    /**
     * Processes one partition and records its DONE result and the attempt.
     *
     * @return the recorded result, or the existing one when the partition was already done
     * @throws Exception any failure; the caller decides between a retry and a FAILED result
     */
    PartitionResult process(PartitionDescriptor descriptor, AttemptContext attempt)
            throws Exception {
        long started = clock.millis();
        Optional<PartitionResult> existing =
                table.getPartitionResult(descriptor.jobId(), descriptor.partitionId());
        if (existing.isPresent() && existing.get().status() == PartitionStatus.DONE) {
            LOG.info(
                    "partition {} of job {} is already done; skipping duplicate delivery",
                    descriptor.partitionId(),
                    descriptor.jobId());
            recordAttempt(descriptor, attempt, started, "DUPLICATE");
            return existing.get();
        }

        predictor.checkDataset(shapes(descriptor));
        Stages stages = new Stages();
        PredictionsCsv csv;
        long bytes;
        try (BatchReader reader = new BatchReader(store, descriptor, slicesToRead(descriptor))) {
            csv = predictAll(descriptor, reader, stages);
            bytes = reader.bytesRead();
        }

        long writeStart = clock.millis();
        store.put(
                descriptor.outputBucket(), descriptor.predictionsKey(), csv.toBytes(), "text/csv");
        stages.write = clock.millis() - writeStart;

        long ended = clock.millis();
        PartitionResult result =
                new PartitionResult(
                        descriptor.jobId(),
                        descriptor.partitionId(),
                        PartitionStatus.DONE,
                        attempt.attempt(),
                        attempt.requestId(),
                        csv.rows(),
                        bytes,
                        Math.max(0, started - attempt.sentAtMillis()),
                        stages.read,
                        stages.decode,
                        stages.infer,
                        stages.write,
                        ended - started,
                        attempt.memoryMb(),
                        PeakMemory.megabytes(),
                        attempt.coldStart(),
                        attempt.initMillis(),
                        started,
                        ended,
                        descriptor.predictionsKey(),
                        null);
        // The attempt is recorded before the result: the result's stream record can end the
        // job at once, and the summary must already see every attempt to bill it.
        boolean finishedElsewhere =
                table.getPartitionResult(descriptor.jobId(), descriptor.partitionId())
                        .map(r -> r.status() == PartitionStatus.DONE)
                        .orElse(false);
        recordAttempt(descriptor, attempt, started, finishedElsewhere ? "DUPLICATE" : "DONE");
        boolean written = table.putPartitionResult(result);
        if (!written) {
            LOG.info(
                    "partition {} of job {} was finished by another worker first; its predictions "
                            + "object was rewritten with identical rows",
                    descriptor.partitionId(),
                    descriptor.jobId());
            return table.getPartitionResult(descriptor.jobId(), descriptor.partitionId())
                    .orElse(result);
        }
        LOG.info(
                "partition {} of job {}: {} samples, {} bytes in {} ms (read {}, decode {}, "
                        + "infer {}, write {})",
                descriptor.partitionId(),
                descriptor.jobId(),
                csv.rows(),
                bytes,
                ended - started,
                stages.read,
                stages.decode,
                stages.infer,
                stages.write);
        return result;
    }

    /**
     * Records an attempt that failed, so that its billed time counts in the job's cost, and on the
     * last attempt records the partition FAILED with the reason (unless another worker finished it
     * meanwhile).
     */
    void recordFailure(
            PartitionDescriptor descriptor,
            AttemptContext attempt,
            long started,
            String reason,
            boolean lastAttempt) {
        recordAttempt(descriptor, attempt, started, "FAILED");
        if (!lastAttempt) {
            return;
        }
        long now = clock.millis();
        table.putPartitionResult(
                new PartitionResult(
                        descriptor.jobId(),
                        descriptor.partitionId(),
                        PartitionStatus.FAILED,
                        attempt.attempt(),
                        attempt.requestId(),
                        0,
                        0,
                        Math.max(0, started - attempt.sentAtMillis()),
                        0,
                        0,
                        0,
                        0,
                        now - started,
                        attempt.memoryMb(),
                        PeakMemory.megabytes(),
                        attempt.coldStart(),
                        attempt.initMillis(),
                        started,
                        now,
                        null,
                        reason));
    }

    private PredictionsCsv predictAll(
            PartitionDescriptor descriptor, BatchReader reader, Stages stages) throws IOException {
        Map<String, ArraySlice> slices = byName(descriptor.arrays());
        boolean withTruth = slices.containsKey(DatasetLayout.REDSHIFTS);
        PredictionsCsv csv = null;
        while (true) {
            long readStart = clock.millis();
            BatchReader.RawBatch batch = reader.next();
            stages.read += clock.millis() - readStart;
            if (batch == null) {
                break;
            }

            long decodeStart = clock.millis();
            Map<String, FloatTensor> inputs = new LinkedHashMap<>();
            for (String name : predictor.requiredArrays()) {
                inputs.put(name, decode(slices, name, batch));
            }
            long[] ids = objectIds(slices, batch);
            float[] truth =
                    withTruth ? decode(slices, DatasetLayout.REDSHIFTS, batch).data() : null;
            stages.decode += clock.millis() - decodeStart;

            long inferStart = clock.millis();
            Predictions predictions = predictor.predict(inputs);
            stages.infer += clock.millis() - inferStart;

            if (csv == null) {
                csv = new PredictionsCsv(predictions.sigma().isPresent(), withTruth);
            }
            float[] sigma = predictions.sigma().orElse(null);
            for (int i = 0; i < batch.rows(); i++) {
                csv.add(
                        ids[i],
                        predictions.redshift()[i],
                        sigma == null ? Float.NaN : sigma[i],
                        truth == null ? Float.NaN : truth[i]);
            }
        }
        return csv == null ? new PredictionsCsv(false, withTruth) : csv;
    }

    private List<ArraySlice> slicesToRead(PartitionDescriptor descriptor) {
        Map<String, ArraySlice> slices = byName(descriptor.arrays());
        List<ArraySlice> needed = new ArrayList<>();
        for (String name : predictor.requiredArrays()) {
            ArraySlice slice = slices.get(name);
            if (slice == null) {
                throw new IllegalArgumentException(
                        "the model needs dataset array '"
                                + name
                                + "', but partition "
                                + descriptor.partitionId()
                                + " of job "
                                + descriptor.jobId()
                                + " has only "
                                + slices.keySet());
            }
            needed.add(slice);
        }
        for (String optional : List.of(DatasetLayout.REDSHIFTS, DatasetLayout.OBJECT_IDS)) {
            if (slices.containsKey(optional) && !predictor.requiredArrays().contains(optional)) {
                needed.add(slices.get(optional));
            }
        }
        return needed;
    }

    private static FloatTensor decode(
            Map<String, ArraySlice> slices, String name, BatchReader.RawBatch batch) {
        ArraySlice slice = slices.get(name);
        long[] shape = slice.shape();
        shape[0] = batch.rows();
        long perRow = 1;
        for (int i = 1; i < shape.length; i++) {
            perRow *= shape[i];
        }
        float[] values = new float[Math.toIntExact(perRow * batch.rows())];
        RowDecoder.toFloat32(
                batch.bytes().get(name),
                0,
                NpyDType.parse(slice.dtype()),
                values,
                0,
                values.length);
        return new FloatTensor(values, shape);
    }

    /** Returns the batch's object ids, or the dataset row indices where the file has none. */
    private static long[] objectIds(Map<String, ArraySlice> slices, BatchReader.RawBatch batch) {
        long[] ids = new long[batch.rows()];
        ArraySlice slice = slices.get(DatasetLayout.OBJECT_IDS);
        if (slice == null) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = batch.firstRow() + i;
            }
            return ids;
        }
        RowDecoder.toInt64(
                batch.bytes().get(DatasetLayout.OBJECT_IDS),
                0,
                NpyDType.parse(slice.dtype()),
                ids,
                0,
                ids.length);
        return ids;
    }

    private void recordAttempt(
            PartitionDescriptor descriptor, AttemptContext attempt, long started, String outcome) {
        long duration = clock.millis() - started;
        table.putAttempt(
                new AttemptRecord(
                        descriptor.jobId(),
                        descriptor.partitionId(),
                        attempt.requestId(),
                        attempt.attempt(),
                        duration,
                        attempt.coldStart() ? attempt.initMillis() : 0,
                        attempt.memoryMb(),
                        architecture,
                        outcome,
                        started));
    }

    private static Map<String, long[]> shapes(PartitionDescriptor descriptor) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (ArraySlice slice : descriptor.arrays()) {
            shapes.put(slice.name(), slice.shape());
        }
        return shapes;
    }

    private static Map<String, ArraySlice> byName(List<ArraySlice> slices) {
        Map<String, ArraySlice> map = new LinkedHashMap<>();
        for (ArraySlice slice : slices) {
            map.put(slice.name(), slice);
        }
        return map;
    }
}
