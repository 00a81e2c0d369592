package dev.cai.loadtest.sweep;

import dev.cai.job.JobSummary;
import java.nio.file.Path;

/** Runs one inference job end to end on some target and returns its summary. */
public interface JobRunner {

    /**
     * Uploads {@code dataset}, runs the whole pipeline on it and waits for the job to end.
     *
     * @param dataset a NumPy {@code .npz} file on the local disk
     * @param partitionBytes target partition size in bytes
     * @param batchSize inference batch size
     * @return the job's summary, whatever its status
     * @throws Exception when the job could not be run or did not end in time; the sweep records the
     *     run as failed and goes on
     */
    JobSummary run(Path dataset, long partitionBytes, int batchSize) throws Exception;
}
