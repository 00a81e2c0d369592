package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.port.JobTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@link JobTable} contract, run against every implementation. Each test works on its own job
 * id, so one table serves the whole class.
 */
public abstract class JobTableContract {

    /** Returns the table under test; the same instance for every test of a class. */
    protected abstract JobTable table();

    /** Returns the epoch milliseconds the table's clock reads. */
    protected abstract long nowMillis();

    @Test
    void createJob_new_storesEveryField() {
        JobRecord job = JobFixtures.job(JobFixtures.newJobId(), JobStatus.SUBMITTING);

        assertThat(table().createJob(job)).isTrue();
        assertThat(table().getJob(job.jobId())).contains(job);
    }

    @Test
    void createJob_duplicate_returnsFalseAndKeepsFirst() {
        String jobId = JobFixtures.newJobId();
        JobRecord first = JobFixtures.job(jobId, JobStatus.SUBMITTING);
        table().createJob(first);

        boolean created = table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));

        assertThat(created).isFalse();
        assertThat(table().getJob(jobId)).contains(first);
    }

    @Test
    void getJob_missing_returnsEmpty() {
        assertThat(table().getJob(JobFixtures.newJobId())).isEmpty();
    }

    @Test
    void transitionJob_matchingState_updatesJob() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));

        boolean moved =
                table().transitionJob(
                                jobId,
                                EnumSet.of(JobStatus.SUBMITTING, JobStatus.RUNNING),
                                JobStatus.INCOMPLETE,
                                "deadline passed with 3 partitions open");

        JobRecord job = table().getJob(jobId).orElseThrow();
        assertThat(moved).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.INCOMPLETE);
        assertThat(job.reason()).isEqualTo("deadline passed with 3 partitions open");
        assertThat(job.finishedAtMillis()).isEqualTo(nowMillis());
    }

    @Test
    void transitionJob_toRunning_leavesFinishTimeUnset() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.SUBMITTING));

        boolean moved =
                table().transitionJob(jobId, Set.of(JobStatus.SUBMITTING), JobStatus.RUNNING, null);

        JobRecord job = table().getJob(jobId).orElseThrow();
        assertThat(moved).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.finishedAtMillis()).isZero();
        assertThat(job.reason()).isNull();
    }

    @Test
    void transitionJob_otherState_changesNothing() {
        String jobId = JobFixtures.newJobId();
        JobRecord complete = JobFixtures.job(jobId, JobStatus.COMPLETE);
        table().createJob(complete);

        boolean moved =
                table().transitionJob(
                                jobId, Set.of(JobStatus.RUNNING), JobStatus.INCOMPLETE, "late");

        assertThat(moved).isFalse();
        assertThat(table().getJob(jobId)).contains(complete);
    }

    @Test
    void transitionJob_missingJob_createsNothing() {
        String jobId = JobFixtures.newJobId();

        boolean moved =
                table().transitionJob(jobId, Set.of(JobStatus.RUNNING), JobStatus.COMPLETE, null);

        assertThat(moved).isFalse();
        assertThat(table().getJob(jobId)).isEmpty();
    }

    @Test
    void transitionJob_emptyFromSet_returnsFalse() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));

        assertThat(table().transitionJob(jobId, Set.of(), JobStatus.COMPLETE, null)).isFalse();
    }

    @Test
    void listUnfinishedJobs_terminalJob_isLeftOut() {
        String running = JobFixtures.newJobId();
        String finished = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(running, JobStatus.RUNNING));
        table().createJob(JobFixtures.job(finished, JobStatus.RUNNING));
        table().transitionJob(finished, Set.of(JobStatus.RUNNING), JobStatus.COMPLETE, null);

        List<String> ids = table().listUnfinishedJobs().stream().map(JobRecord::jobId).toList();

        assertThat(ids).contains(running);
        assertThat(ids).doesNotContain(finished);
    }

    @Test
    void reopenJob_finishedJob_runsAgainWithNewDeadline() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table().markCounted(jobId, 0);
        table().transitionJob(jobId, Set.of(JobStatus.RUNNING), JobStatus.INCOMPLETE, "late");
        long deadline = nowMillis() + 60_000;

        boolean reopened =
                table().reopenJob(
                                jobId,
                                Set.of(JobStatus.INCOMPLETE, JobStatus.COMPLETE_WITH_FAILURES),
                                deadline);

        JobRecord job = table().getJob(jobId).orElseThrow();
        assertThat(reopened).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.deadlineAtMillis()).isEqualTo(deadline);
        assertThat(job.finishedAtMillis()).isZero();
        assertThat(job.reason()).isNull();
        assertThat(job.countedPartitions()).isEqualTo(1);
        assertThat(table().listUnfinishedJobs()).extracting(JobRecord::jobId).contains(jobId);
    }

    @Test
    void reopenJob_otherState_changesNothing() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));

        boolean reopened = table().reopenJob(jobId, Set.of(JobStatus.INCOMPLETE), 1L);

        assertThat(reopened).isFalse();
        assertThat(table().getJob(jobId).orElseThrow().deadlineAtMillis()).isNotEqualTo(1L);
    }

    @Test
    void putPartitionResult_first_isStored() {
        PartitionResult result =
                JobFixtures.result(JobFixtures.newJobId(), 3, PartitionStatus.DONE, 1, "req-1");

        assertThat(table().putPartitionResult(result)).isTrue();
        assertThat(table().getPartitionResult(result.jobId(), 3)).contains(result);
    }

    @Test
    void putPartitionResult_doneOverFailed_replaces() {
        String jobId = JobFixtures.newJobId();
        table().putPartitionResult(JobFixtures.result(jobId, 0, PartitionStatus.FAILED, 1, "r1"));
        PartitionResult done = JobFixtures.result(jobId, 0, PartitionStatus.DONE, 2, "r2");

        assertThat(table().putPartitionResult(done)).isTrue();
        assertThat(table().getPartitionResult(jobId, 0)).contains(done);
    }

    @Test
    void putPartitionResult_failedOverDone_isSkipped() {
        String jobId = JobFixtures.newJobId();
        PartitionResult done = JobFixtures.result(jobId, 0, PartitionStatus.DONE, 1, "r1");
        table().putPartitionResult(done);

        boolean written =
                table().putPartitionResult(
                                JobFixtures.result(jobId, 0, PartitionStatus.FAILED, 2, "r2"));

        assertThat(written).isFalse();
        assertThat(table().getPartitionResult(jobId, 0)).contains(done);
    }

    @Test
    void putPartitionResult_doneOverDone_keepsFirst() {
        String jobId = JobFixtures.newJobId();
        PartitionResult first = JobFixtures.result(jobId, 0, PartitionStatus.DONE, 1, "r1");
        table().putPartitionResult(first);

        boolean written =
                table().putPartitionResult(
                                JobFixtures.result(jobId, 0, PartitionStatus.DONE, 2, "r2"));

        assertThat(written).isFalse();
        assertThat(table().getPartitionResult(jobId, 0)).contains(first);
    }

    @Test
    void putPartitionResult_failedOverFailed_replaces() {
        String jobId = JobFixtures.newJobId();
        table().putPartitionResult(JobFixtures.result(jobId, 0, PartitionStatus.FAILED, 1, "r1"));
        PartitionResult later = JobFixtures.result(jobId, 0, PartitionStatus.FAILED, 2, "r2");

        assertThat(table().putPartitionResult(later)).isTrue();
        assertThat(table().getPartitionResult(jobId, 0)).contains(later);
    }

    @Test
    void listPartitionResults_orderedById() {
        String jobId = JobFixtures.newJobId();
        for (int partitionId : new int[] {12, 3, 0, 101}) {
            table().putPartitionResult(
                            JobFixtures.result(jobId, partitionId, PartitionStatus.DONE, 1, "r"));
        }
        table().putPartitionResult(
                        JobFixtures.result(
                                JobFixtures.newJobId(), 5, PartitionStatus.DONE, 1, "r"));
        table().putAttempt(JobFixtures.attempt(jobId, 3, "r", "DONE"));

        List<Integer> ids =
                table().listPartitionResults(jobId).stream()
                        .map(PartitionResult::partitionId)
                        .toList();

        assertThat(ids).containsExactly(0, 3, 12, 101);
    }

    @Test
    void markCounted_first_returnsOne() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));

        assertThat(table().markCounted(jobId, 4)).isEqualTo(1);
    }

    @Test
    void markCounted_twice_returnsSameCount() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table().markCounted(jobId, 1);
        int first = table().markCounted(jobId, 2);

        int second = table().markCounted(jobId, 2);

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(2);
        assertThat(table().getJob(jobId).orElseThrow().countedPartitions()).isEqualTo(2);
    }

    @Test
    void markCounted_missingJob_throwsNamingJob() {
        String jobId = JobFixtures.newJobId();

        assertThatThrownBy(() -> table().markCounted(jobId, 0))
                .isInstanceOf(JobNotFoundException.class)
                .hasMessageContaining(jobId);
        assertThat(table().getJob(jobId)).isEmpty();
    }

    @Test
    void markCounted_eightThreads_endsAtFifty() throws Exception {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> futures = new ArrayList<>();

        try {
            for (int thread = 0; thread < 8; thread++) {
                futures.add(pool.submit(() -> markAllInRandomOrder(jobId, 50)));
            }
            List<Integer> returned = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                returned.addAll(future.get(120, TimeUnit.SECONDS));
            }

            assertThat(returned).hasSize(400);
            assertThat(returned).allSatisfy(count -> assertThat(count).isBetween(1, 50));
            assertThat(table().getJob(jobId).orElseThrow().countedPartitions()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unmarkCounted_countedPartitions_decrementsAndAllowsRecount() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        for (int partitionId = 0; partitionId < 4; partitionId++) {
            table().markCounted(jobId, partitionId);
        }

        table().unmarkCounted(jobId, List.of(1, 3));

        assertThat(table().getJob(jobId).orElseThrow().countedPartitions()).isEqualTo(2);
        assertThat(table().markCounted(jobId, 3)).isEqualTo(3);
        assertThat(table().markCounted(jobId, 0)).isEqualTo(3);
    }

    @Test
    void unmarkCounted_uncountedPartition_changesNothing() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table().markCounted(jobId, 0);

        table().unmarkCounted(jobId, List.of(7, 7));

        assertThat(table().getJob(jobId).orElseThrow().countedPartitions()).isEqualTo(1);
    }

    @Test
    void unmarkCounted_sameCallTwice_decrementsOnce() {
        String jobId = JobFixtures.newJobId();
        table().createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table().markCounted(jobId, 0);
        table().markCounted(jobId, 1);

        table().unmarkCounted(jobId, List.of(1));
        table().unmarkCounted(jobId, List.of(1));

        assertThat(table().getJob(jobId).orElseThrow().countedPartitions()).isEqualTo(1);
    }

    @Test
    void putAttempt_sameRequestTwice_keepsFirst() {
        String jobId = JobFixtures.newJobId();
        AttemptRecord first = JobFixtures.attempt(jobId, 2, "req-a", "FAILED");
        table().putAttempt(first);

        table().putAttempt(JobFixtures.attempt(jobId, 2, "req-a", "DONE"));

        assertThat(table().listAttempts(jobId)).containsExactly(first);
    }

    @Test
    void listAttempts_distinctRequests_returnsEach() {
        String jobId = JobFixtures.newJobId();
        AttemptRecord first = JobFixtures.attempt(jobId, 2, "req-a", "FAILED");
        AttemptRecord second = JobFixtures.attempt(jobId, 2, "req-b", "DONE");
        AttemptRecord other = JobFixtures.attempt(jobId, 0, "req-c", "DUPLICATE");
        table().putAttempt(first);
        table().putAttempt(second);
        table().putAttempt(other);
        table().putPartitionResult(JobFixtures.result(jobId, 2, PartitionStatus.DONE, 2, "req-b"));

        assertThat(table().listAttempts(jobId)).containsExactlyInAnyOrder(first, second, other);
    }

    private List<Integer> markAllInRandomOrder(String jobId, int partitions) {
        List<Integer> ids = new ArrayList<>(IntStream.range(0, partitions).boxed().toList());
        Collections.shuffle(ids);
        List<Integer> counts = new ArrayList<>();
        for (int partitionId : ids) {
            counts.add(table().markCounted(jobId, partitionId));
        }
        return counts;
    }
}
