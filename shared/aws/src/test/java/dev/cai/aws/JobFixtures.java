package dev.cai.aws;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import java.util.UUID;

/** Records with every field set to a distinct value, so a codec that drops one is caught. */
public final class JobFixtures {

    private JobFixtures() {}

    public static String newJobId() {
        return "job-" + UUID.randomUUID();
    }

    public static JobRecord job(String jobId, JobStatus status) {
        return new JobRecord(
                jobId,
                "cai-input",
                "datasets/survey one/part+1.npz",
                "9b2cf535f27731c9",
                status,
                1_764_000_000_000L,
                0L,
                1_764_000_900_000L,
                12,
                0,
                100_000L,
                1_638_400_000L,
                1_234L,
                134_217_728L,
                0L,
                256,
                true,
                "cai-output",
                "jobs/" + jobId + "/",
                null);
    }

    public static PartitionResult result(
            String jobId, int partitionId, PartitionStatus status, int attempt, String requestId) {
        boolean done = status == PartitionStatus.DONE;
        return new PartitionResult(
                jobId,
                partitionId,
                status,
                attempt,
                requestId,
                done ? 8_192L : 0L,
                134_217_728L,
                41L,
                1_200L,
                300L,
                2_500L,
                90L,
                4_200L,
                3_008,
                1_650L,
                attempt == 1,
                attempt == 1 ? 2_100L : 0L,
                1_764_000_010_000L,
                1_764_000_014_200L,
                done ? JobRecord.predictionsKey("jobs/" + jobId + "/", partitionId) : null,
                done ? null : "partition " + partitionId + ": read timed out");
    }

    public static AttemptRecord attempt(
            String jobId, int partitionId, String requestId, String outcome) {
        return new AttemptRecord(
                jobId,
                partitionId,
                requestId,
                2,
                4_200L,
                2_100L,
                3_008,
                "x86_64",
                outcome,
                1_764_000_010_000L);
    }
}
