package dev.cai.aws;

/** A job-table update that needs the job item, for a job id that has none. */
public class JobNotFoundException extends RuntimeException {

    private final String jobId;

    public JobNotFoundException(String jobId, String operation) {
        super(
                "job "
                        + jobId
                        + " not found in the job table: "
                        + operation
                        + " needs the job item the splitter creates");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
