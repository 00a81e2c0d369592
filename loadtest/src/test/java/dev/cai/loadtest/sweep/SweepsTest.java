package dev.cai.loadtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.job.JobSummary;
import dev.cai.loadtest.Units;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepsTest {

    @TempDir Path dir;

    /** Sparse files of the requested size: the synthetic runner reads only their length. */
    private DatasetFactory sparseFiles() {
        Map<Long, Path> created = new HashMap<>();
        return bytes ->
                created.computeIfAbsent(
                        bytes,
                        size -> {
                            Path file = dir.resolve("data-" + size + ".npz");
                            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                                raf.setLength(size);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                            return file;
                        });
    }

    private SweepResult dataSizeSweep(SyntheticJobRunner runner) throws IOException {
        SweepPlan plan =
                SweepPlan.dataSize(
                        List.of(2 * Units.MB, 6 * Units.MB),
                        List.of(Units.MB, 3 * Units.MB),
                        512,
                        2,
                        Duration.ofMinutes(5));
        Sweeps sweeps = new Sweeps(runner, sparseFiles(), Clock.systemUTC());
        return sweeps.run(plan, dir.resolve("out"), "cai loadtest data-size", Target.LOCAL);
    }

    private static List<String[]> csvRows(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(line -> line.split(",", -1)).toList();
    }

    @Test
    void run_dataSize_writesEveryFile() throws IOException {
        SweepResult result = dataSizeSweep(new SyntheticJobRunner());
        assertThat(result.files())
                .extracting(path -> path.getFileName().toString())
                .contains(
                        "runs.csv",
                        "means.csv",
                        "runs.columns.md",
                        "report.md",
                        "job-time-vs-data-size.png",
                        "throughput-vs-data-size.png",
                        "cost-vs-data-size.png");
        assertThat(result.files()).allSatisfy(path -> assertThat(path).isNotEmptyFile());
    }

    @Test
    void run_dataSize_oneCsvRowPerRun() throws IOException {
        dataSizeSweep(new SyntheticJobRunner());
        assertThat(csvRows(dir.resolve("out/runs.csv"))).hasSize(2 * 2 * 2);
    }

    @Test
    void run_dataSize_csvNumbersEqualSummaries() throws IOException {
        SyntheticJobRunner runner = new SyntheticJobRunner();
        dataSizeSweep(runner);
        List<String> header = SweepCsv.RUN_COLUMNS;
        List<String[]> rows = csvRows(dir.resolve("out/runs.csv"));
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            JobSummary summary = runner.summaries().get(i);
            assertThat(row[header.indexOf("job_id")]).isEqualTo(summary.jobId());
            assertThat(Double.parseDouble(row[header.indexOf("job_wall_s")]))
                    .isEqualTo(summary.timeline().jobWallMillis() / 1000.0);
            assertThat(Double.parseDouble(row[header.indexOf("inference_window_s")]))
                    .isEqualTo(summary.timeline().inferenceWindowMillis() / 1000.0);
            assertThat(Long.parseLong(row[header.indexOf("samples")])).isEqualTo(summary.samples());
            assertThat(Long.parseLong(row[header.indexOf("bits")])).isEqualTo(summary.bytes() * 8);
            assertThat(Double.parseDouble(row[header.indexOf("wallclock_throughput_bps")]))
                    .isEqualTo(summary.throughput().wallClockBitsPerSecond());
            assertThat(Double.parseDouble(row[header.indexOf("summed_worker_throughput_bps")]))
                    .isEqualTo(summary.throughput().summedWorkerBitsPerSecond());
            assertThat(Double.parseDouble(row[header.indexOf("samples_per_s")]))
                    .isEqualTo(summary.throughput().samplesPerSecond());
            assertThat(Double.parseDouble(row[header.indexOf("cost_usd")]))
                    .isEqualTo(summary.cost().totalUsd());
        }
    }

    @Test
    void run_dataSize_meansMatchRuns() throws IOException {
        SyntheticJobRunner runner = new SyntheticJobRunner();
        SweepResult result = dataSizeSweep(runner);
        List<String> header = SweepCsv.meanColumns();
        String[] first = csvRows(dir.resolve("out/means.csv")).get(0);
        SweepPoint point = result.points().get(0).point();
        List<Double> walls =
                result.rows().stream()
                        .filter(row -> row.point().equals(point))
                        .map(RunRow::jobWallSeconds)
                        .toList();
        double mean = (walls.get(0) + walls.get(1)) / 2;
        double std = Math.abs(walls.get(0) - walls.get(1)) / Math.sqrt(2);
        assertThat(Double.parseDouble(first[header.indexOf("job_wall_s_mean")]))
                .isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Double.parseDouble(first[header.indexOf("job_wall_s_std")]))
                .isCloseTo(std, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void run_plots_arePngImages() throws IOException {
        SweepResult result = dataSizeSweep(new SyntheticJobRunner());
        for (Path file : result.files()) {
            if (file.toString().endsWith(".png")) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image.getWidth()).as(file.toString()).isEqualTo(900);
            }
        }
    }

    @Test
    void run_report_embedsPlotsAndCommand() throws IOException {
        dataSizeSweep(new SyntheticJobRunner());
        String report = Files.readString(dir.resolve("out/report.md"));
        assertThat(report).contains("`cai loadtest data-size`");
        assertThat(report).contains("![job-time-vs-data-size.png](job-time-vs-data-size.png)");
        assertThat(report).contains("cores");
    }

    @Test
    void run_runnerThrows_recordedAsError() throws IOException {
        JobRunner failing =
                (dataset, partition, batch) -> {
                    throw new IllegalStateException("stack not deployed");
                };
        SweepPlan plan =
                SweepPlan.partitionSize(
                        List.of(Units.MB), 2 * Units.MB, 64, 1, Duration.ofMinutes(1));
        SweepResult result =
                new Sweeps(failing, sparseFiles(), Clock.systemUTC())
                        .run(
                                plan,
                                dir.resolve("failed"),
                                "cai loadtest partition-size",
                                Target.AWS);
        assertThat(result.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo("ERROR"))
                .satisfies(row -> assertThat(row.error()).contains("stack not deployed"));
    }

    @Test
    void run_timeLimitPassed_skipsRuns() throws IOException {
        // A clock that moves 10 minutes on every read passes the 5-minute limit at once.
        Clock jumping =
                new Clock() {
                    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

                    @Override
                    public Instant instant() {
                        Instant current = now;
                        now = now.plus(Duration.ofMinutes(10));
                        return current;
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                };
        SweepPlan plan =
                SweepPlan.batchSize(
                        List.of(32, 64), List.of(2 * Units.MB), Units.MB, 3, Duration.ofMinutes(5));
        SweepResult result =
                new Sweeps(new SyntheticJobRunner(), sparseFiles(), jumping)
                        .run(plan, dir.resolve("limited"), "cai loadtest batch-size", Target.LOCAL);
        assertThat(result.rows().size() + result.skippedRuns()).isEqualTo(6);
        assertThat(result.skippedRuns()).isPositive();
    }
}
