package dev.cai.loadtest.sweep;

import java.util.function.ToDoubleFunction;

/** The per-run numbers that {@code means.csv} and the plots aggregate. */
public enum Metric {
    JOB_WALL_S("job_wall_s", "Job time (s)", RunRow::jobWallSeconds),
    INFERENCE_WINDOW_S(
            "inference_window_s", "Inference window (s)", RunRow::inferenceWindowSeconds),
    WALLCLOCK_THROUGHPUT_BPS(
            "wallclock_throughput_bps",
            "Wall-clock throughput (bit/s)",
            RunRow::wallClockThroughputBps),
    SUMMED_WORKER_THROUGHPUT_BPS(
            "summed_worker_throughput_bps",
            "Summed worker throughput (bit/s)",
            RunRow::summedWorkerThroughputBps),
    SAMPLES_PER_S("samples_per_s", "Samples per second", RunRow::samplesPerSecond),
    COST_USD("cost_usd", "Estimated cost at AWS list prices (USD)", RunRow::costUsd);

    private final String column;
    private final String label;
    private final ToDoubleFunction<RunRow> value;

    Metric(String column, String label, ToDoubleFunction<RunRow> value) {
        this.column = column;
        this.label = label;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public double of(RunRow row) {
        return value.applyAsDouble(row);
    }
}
