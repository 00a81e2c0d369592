package dev.cai.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cai.job.JobRecord;
import dev.cai.port.JobTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for a schedule: ends every job past its deadline INCOMPLETE, listing the
 * partitions that never ended, so that no job waits forever on a lost message. Returns the ids of
 * the jobs it ended.
 */
public final class DeadlineHandler implements RequestHandler<Map<String, Object>, List<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineHandler.class);

    private final JobTable table;
    private final JobFinisher finisher;
    private final Clock clock;

    public DeadlineHandler() {
        this(AggregatorFunctions.fromEnvironment(), Clock.systemUTC());
    }

    private DeadlineHandler(AggregatorFunctions functions, Clock clock) {
        this(functions.table(), functions.finisher(), clock);
    }

    public DeadlineHandler(JobTable table, JobFinisher finisher, Clock clock) {
        this.table = table;
        this.finisher = finisher;
        this.clock = clock;
    }

    @Override
    public List<String> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return endOverdueJobs();
    }

    /** Ends the overdue jobs and returns their ids. */
    public List<String> endOverdueJobs() {
        long now = clock.millis();
        List<String> ended = new ArrayList<>();
        for (JobRecord job : table.listUnfinishedJobs()) {
            if (job.deadlineAtMillis() > now) {
                continue;
            }
            try {
                finisher.finishOverdue(job);
                ended.add(job.jobId());
                LOG.warn("job {} passed its deadline and ended INCOMPLETE", job.jobId());
            } catch (IOException e) {
                throw new UncheckedIOException("failed to end overdue job " + job.jobId(), e);
            }
        }
        return ended;
    }
}
