package dev.cai.loadtest.plan;

import dev.cai.job.JobSummary;
import dev.cai.job.JobSummaryJson;
import dev.cai.loadtest.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads {@link Rates} from a job's {@code summary.json} or a sweep's {@code runs.csv}. */
public final class RatesReader {

    private RatesReader() {}

    /**
     * Reads rates from a file: JSON when the name ends in {@code .json}, runs CSV otherwise.
     *
     * @throws IllegalArgumentException when the file contains no completed work to measure
     */
    public static Rates read(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.getFileName().toString().endsWith(".json")) {
            return fromSummary(JobSummaryJson.read(text), file.toString());
        }
        return fromRunsCsv(Files.readAllLines(file), file.toString());
    }

    /** Measures handler seconds per MiB and mean INIT time of one job. */
    public static Rates fromSummary(JobSummary summary, String source) {
        double mebibytes = Units.toMib(summary.bytes());
        double handlerSeconds = summary.stages().handler().totalMillis() / 1000.0;
        if (mebibytes <= 0 || handlerSeconds <= 0) {
            throw new IllegalArgumentException(
                    source
                            + " has no completed partitions to measure: "
                            + summary.bytes()
                            + " bytes in "
                            + handlerSeconds
                            + " s of handler time");
        }
        JobSummary.Workers workers = summary.workers();
        double coldStart =
                workers.coldStarts() > 0
                        ? workers.initMillisTotal() / 1000.0 / workers.coldStarts()
                        : Rates.INIT_LIMIT_SECONDS;
        return new Rates(
                handlerSeconds / mebibytes,
                workers.configuredMemoryMb(),
                coldStart,
                "job "
                        + summary.jobId()
                        + " in "
                        + source
                        + ", "
                        + summary.partitions().done()
                        + " partitions");
    }

    /** Measures over every COMPLETE run of a sweep's {@code runs.csv}. */
    static Rates fromRunsCsv(List<String> lines, String source) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: expected a runs.csv header");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Totals totals = new Totals(header, source);
        for (String line : lines.subList(1, lines.size())) {
            totals.add(line.split(",", -1));
        }
        if (totals.runs == 0 || totals.mebibytes <= 0 || totals.handlerSeconds <= 0) {
            throw new IllegalArgumentException(source + " has no COMPLETE run to measure");
        }

        double coldStart =
                totals.coldStarts > 0
                        ? totals.initSeconds / totals.coldStarts
                        : Rates.INIT_LIMIT_SECONDS;
        return fitted(totals, coldStart, totals.runs + " complete runs in " + source);
    }

    /** Sums of the columns the rates need, over the COMPLETE rows. */
    private static final class Totals {

        private final int status;
        private final int bits;
        private final int handler;
        private final int memory;
        private final int coldStartColumn;
        private final int init;
        private final int width;
        private final int partitionsColumn;
        double mebibytes;
        double handlerSeconds;
        // Sums for the least-squares fit of handler = partitions x a + MiB x b, over runs.
        double partitionsSquared;
        double partitionsTimesMib;
        double mibSquared;
        double partitionsTimesHandler;
        double mibTimesHandler;
        double initSeconds;
        long coldStarts;
        int memoryMb;
        int runs;

        Totals(List<String> header, String source) {
            status = column(header, "status", source);
            bits = column(header, "bits", source);
            handler = column(header, "handler_s_total", source);
            partitionsColumn = column(header, "partitions", source);
            memory = column(header, "memory_mb", source);
            coldStartColumn = column(header, "cold_starts", source);
            init = column(header, "init_s_total", source);
            width = header.size();
        }

        void add(String[] cells) {
            if (cells.length < width || !"COMPLETE".equals(cells[status])) {
                return;
            }
            runs++;
            double mib = Units.toMib(Long.parseLong(cells[bits]) / 8);
            double seconds = Double.parseDouble(cells[handler]);
            double partitions = Double.parseDouble(cells[partitionsColumn]);
            mebibytes += mib;
            handlerSeconds += seconds;
            partitionsSquared += partitions * partitions;
            partitionsTimesMib += partitions * mib;
            mibSquared += mib * mib;
            partitionsTimesHandler += partitions * seconds;
            mibTimesHandler += mib * seconds;
            initSeconds += Double.parseDouble(cells[init]);
            coldStarts += Long.parseLong(cells[coldStartColumn]);
            memoryMb = Math.max(memoryMb, Integer.parseInt(cells[memory]));
        }
    }

    /**
     * Fits handler time as a fixed time per partition plus a time per MiB, when the runs vary the
     * partition size enough to tell the two apart. Otherwise, or when the fit gives a negative
     * term, the rate is total handler time over total MiB with no fixed part.
     */
    private static Rates fitted(Totals totals, double coldStart, String source) {
        double determinant =
                totals.partitionsSquared * totals.mibSquared
                        - totals.partitionsTimesMib * totals.partitionsTimesMib;
        double scale = totals.partitionsSquared * totals.mibSquared;
        if (scale > 0 && Math.abs(determinant) > 1e-9 * scale) {
            double perPartition =
                    (totals.partitionsTimesHandler * totals.mibSquared
                                    - totals.partitionsTimesMib * totals.mibTimesHandler)
                            / determinant;
            double perMib =
                    (totals.partitionsSquared * totals.mibTimesHandler
                                    - totals.partitionsTimesMib * totals.partitionsTimesHandler)
                            / determinant;
            if (perPartition >= 0 && perMib > 0) {
                return new Rates(perMib, totals.memoryMb, coldStart, source, perPartition);
            }
        }
        return new Rates(
                totals.handlerSeconds / totals.mebibytes, totals.memoryMb, coldStart, source);
    }

    private static int column(List<String> header, String name, String source) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    source
                            + " has no column '"
                            + name
                            + "': expected the header of a runs.csv written by the loadtest"
                            + " command");
        }
        return index;
    }
}
