package dev.cai.local.cli;

import dev.cai.loadtest.cli.CostCommand;
import dev.cai.loadtest.cli.PlanCommand;
import dev.cai.model.ModelCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cai} command line. */
@Command(
        name = "cai",
        mixinStandardHelpOptions = true,
        version = "cai 0.1.0",
        description =
                "Event-driven redshift inference over NumPy datasets, on AWS Lambda or on "
                        + "this machine.",
        subcommands = {
            RunCommand.class,
            SubmitCommand.class,
            StatusCommand.class,
            RerunCommand.class,
            InvokeCommand.class,
            DatasetCommand.class,
            ModelCommand.class,
            CostCommand.class,
            PlanCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // The SDK would otherwise ask the EC2 instance metadata service for a region or
        // credentials it cannot find elsewhere; on EC2, set AWS_EC2_METADATA_DISABLED=false.
        if (System.getenv("AWS_EC2_METADATA_DISABLED") == null) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
        int exitCode = commandLine().execute(args);
        System.exit(exitCode);
    }

    /** Returns the command line with every subcommand registered, for tests and {@link #main}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("loadtest", LoadtestWiring.command());
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        return commandLine;
    }

    /**
     * Prints a failed command's error as one line naming the command, without a stack trace unless
     * {@code CAI_DEBUG} is set, and returns exit status 1.
     */
    private static int reportFailure(
            Exception exception, CommandLine command, CommandLine.ParseResult parseResult) {
        Throwable cause = exception;
        while ((cause instanceof java.lang.reflect.InvocationTargetException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CommandLine.ParameterException invalid) {
            command.getErr()
                    .println(
                            command.getCommandSpec().qualifiedName() + ": " + invalid.getMessage());
            command.getErr()
                    .println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (cause instanceof java.nio.file.NoSuchFileException missing) {
            message = missing.getFile() + " not found";
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("CAI_DEBUG") != null) {
            cause.printStackTrace(command.getErr());
        } else {
            command.getErr().println("(set CAI_DEBUG=1 to see the stack trace)");
        }
        return 1;
    }
}
