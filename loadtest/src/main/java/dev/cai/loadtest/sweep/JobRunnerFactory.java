package dev.cai.loadtest.sweep;

/** Creates the {@link JobRunner} of a target; the local module supplies the implementation. */
@FunctionalInterface
public interface JobRunnerFactory {

    /**
     * Returns a runner for {@code target}.
     *
     * @param stackName the deployed stack's name for {@link Target#AWS}, null for local runs
     * @throws Exception when the target cannot be reached or set up
     */
    JobRunner create(Target target, String stackName) throws Exception;
}
