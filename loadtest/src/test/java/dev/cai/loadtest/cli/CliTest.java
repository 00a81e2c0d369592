package dev.cai.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cai.loadtest.sweep.DatasetFactory;
import dev.cai.loadtest.sweep.SyntheticJobRunner;
import dev.cai.loadtest.sweep.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    @TempDir Path dir;

    /** Runs a command and returns its exit code, standard output and error output. */
    private record Result(int exitCode, String out, String err) {}

    private static Result execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private DatasetFactory sparseFiles() {
        return bytes -> {
            Path file = dir.resolve("data-" + bytes + ".npz");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(bytes);
            }
            return file;
        };
    }

    @Test
    void cost_text_showsPublishedAndReproducedCents() {
        Result result = execute(new CostCommand());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("25 MB\\s+517\\s+6\\.55\\s+2\\.8\\s+\\$0\\.16\\s+\\$0\\.16");
        assertThat(result.out())
                .containsPattern("100 MB\\s+130\\s+26\\.90\\s+7\\.0\\s+\\$0\\.41\\s+\\$0\\.41");
    }

    @Test
    void cost_text_billsConfiguredMemory() {
        // 517 x 6.55 s x 10 GB = 33,863.5 GB-s.
        assertThat(execute(new CostCommand()).out()).contains("33863.5");
    }

    @Test
    void cost_json_rowsWithBothCosts() throws IOException {
        JsonNode root = new ObjectMapper().readTree(execute(new CostCommand(), "--json").out());
        assertThat(root.get("rows")).hasSize(4);
        assertThat(root.get("rows").get(3).get("reproducedCostUsd").asText()).isEqualTo("0.41");
        assertThat(root.get("configuredMemoryMb").asInt()).isEqualTo(10_240);
    }

    @Test
    void plan_publishedDataset_recommendsAndCallsItEstimate() {
        Result result =
                execute(
                        new PlanCommand(),
                        "--data",
                        "12.6GiB",
                        "--partition-size",
                        "25MiB",
                        "--memory-mb",
                        "3008");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("25MiB\\s+3008\\s+517\\s");
        assertThat(result.out()).contains("Recommended (estimate)");
        assertThat(result.out()).contains("built-in");
    }

    @Test
    void plan_maxConcurrencyOutOfRange_usageError() {
        Result result = execute(new PlanCommand(), "--data", "1GB", "--max-concurrency", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("maximum concurrency is 1: expected 2 to 1000");
    }

    @Test
    void plan_invalidSize_usageErrorNamesValue() {
        Result result = execute(new PlanCommand(), "--data", "12.6XB");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'12.6XB'");
    }

    @Test
    void loadtest_dataSize_writesRunsAndReport() throws IOException {
        SyntheticJobRunner runner = new SyntheticJobRunner();
        List<Target> targets = new ArrayList<>();
        LoadtestCommand command =
                new LoadtestCommand(
                        (target, stack) -> {
                            targets.add(target);
                            return runner;
                        },
                        sparseFiles());
        Path out = dir.resolve("sweep");
        Result result =
                execute(
                        command,
                        "data-size",
                        "--out",
                        out.toString(),
                        "--runs",
                        "1",
                        "--sizes",
                        "2MB,4MB",
                        "--partition-sizes",
                        "1MB");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(1 + 2);
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("--sizes 2MB,4MB --partition-sizes 1MB");
        assertThat(targets).containsExactly(Target.LOCAL);
    }

    @Test
    void loadtest_awsWithoutStack_usageError() {
        LoadtestCommand command =
                new LoadtestCommand(
                        (target, stack) -> {
                            throw new AssertionError("no runner should be created");
                        },
                        sparseFiles());
        Result result = execute(command, "batch-size", "--target", "aws");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--stack");
    }

    @Test
    void loadtest_partitionSizeWithTwoSizes_usageError() {
        LoadtestCommand command =
                new LoadtestCommand((target, stack) -> new SyntheticJobRunner(), sparseFiles());
        Result result = execute(command, "partition-size", "--sizes", "1MB,2MB");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("exactly one data size");
    }
}
