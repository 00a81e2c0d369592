package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelCommandTest {

    @Test
    void train_missingCatalog_isUsageError() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ModelCommand());
        command.setErr(new PrintWriter(errors));

        int exitCode = command.execute("train", "--out", "unused");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("--catalog");
    }

    @Test
    void train_options_parseSeedAndEpochs() {
        CommandLine command = new CommandLine(new ModelCommand());

        CommandLine.ParseResult result =
                command.parseArgs(
                        "train",
                        "--catalog",
                        "c.csv",
                        "--out",
                        "dir",
                        "--seed",
                        "7",
                        "--epochs",
                        "3");
        ModelCommand.Train train =
                (ModelCommand.Train) result.subcommand().commandSpec().userObject();

        assertThat(train.seed).isEqualTo(7);
        assertThat(train.epochs).isEqualTo(3);
        assertThat(train.catalog.toString()).isEqualTo("c.csv");
    }

    @Test
    void evaluate_defaultSeed_is42() {
        CommandLine command = new CommandLine(new ModelCommand());

        CommandLine.ParseResult result =
                command.parseArgs("evaluate", "--catalog", "c.csv", "--model", "dir");
        ModelCommand.Evaluate evaluate =
                (ModelCommand.Evaluate) result.subcommand().commandSpec().userObject();

        assertThat(evaluate.seed).isEqualTo(TrainingOptions.DEFAULT_SEED);
    }
}
