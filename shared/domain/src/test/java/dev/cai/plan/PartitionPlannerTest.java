package dev.cai.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.DatasetLayout;
import dev.cai.dataset.NpyDType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionPlannerTest {

    /** 12 rows: images of 5x8x8 f4 (1280 bytes a row) and magnitudes of 5 f4 (20 bytes). */
    private static final DatasetLayout LAYOUT = layout(12);

    @Test
    void plan_bySize_fitsWholeRowsUnderTarget() {
        List<RowRange> ranges = PartitionPlanner.plan(LAYOUT, new PartitionSpec.BySize(5_000));

        assertThat(ranges)
                .containsExactly(
                        new RowRange(0, 0, 3), new RowRange(1, 3, 6),
                        new RowRange(2, 6, 9), new RowRange(3, 9, 12));
    }

    @Test
    void plan_targetBelowOneRow_givesOneRowPerPartition() {
        List<RowRange> ranges = PartitionPlanner.plan(LAYOUT, new PartitionSpec.BySize(10));

        assertThat(ranges).hasSize(12);
        assertThat(ranges.get(11)).isEqualTo(new RowRange(11, 11, 12));
    }

    @Test
    void plan_bySamples_lastPartitionShorter() {
        List<RowRange> ranges = PartitionPlanner.plan(LAYOUT, new PartitionSpec.BySamples(5));

        assertThat(ranges)
                .containsExactly(
                        new RowRange(0, 0, 5), new RowRange(1, 5, 10), new RowRange(2, 10, 12));
    }

    @Test
    void plan_tooManyPartitions_namesCountAndMinimumSize() {
        assertThatThrownBy(
                        () ->
                                PartitionPlanner.plan(
                                        1_000_000, 1300, new PartitionSpec.BySamples(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("make 1000000 partitions: expected at most 100000")
                .hasMessageContaining("choose a partition size of at least 13KB");
    }

    @Test
    void descriptors_dataset_imagesSliceFirstAndPredictionsKeys() {
        List<PartitionDescriptor> descriptors =
                PartitionPlanner.descriptors(
                        "job-1",
                        "in",
                        LAYOUT,
                        new PartitionSpec.BySamples(5),
                        4,
                        "out",
                        "jobs/job-1/");
        PartitionDescriptor last = descriptors.get(2);

        assertThat(descriptors).hasSize(3);
        assertThat(last.arrays())
                .extracting(ArraySlice::name)
                .containsExactly("images", "magnitudes");
        assertThat(last.rowStart()).isEqualTo(10);
        assertThat(last.rowEnd()).isEqualTo(12);
        assertThat(last.partitionCount()).isEqualTo(3);
        assertThat(last.predictionsKey()).isEqualTo("jobs/job-1/predictions/part-00002.csv");
        assertThat(last.arrays().get(0).offsetOf(10)).isEqualTo(128 + 10 * 1280);
        assertThat(last.bytes()).isEqualTo(2 * (1280 + 20));
    }

    @Test
    void descriptors_zeroBatchSize_rejects() {
        assertThatThrownBy(
                        () ->
                                PartitionPlanner.descriptors(
                                        "job-1",
                                        "in",
                                        LAYOUT,
                                        new PartitionSpec.BySamples(5),
                                        0,
                                        "out",
                                        "jobs/job-1/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid batch size 0");
    }

    @Test
    void bySize_zeroBytes_rejects() {
        assertThatThrownBy(() -> new PartitionSpec.BySize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least 1 byte");
    }

    @Test
    void bySize_parse_readsUnits() {
        assertThat(PartitionSpec.BySize.parse("25MB").bytes()).isEqualTo(25_000_000);
    }

    static DatasetLayout layout(long rows) {
        NpyDType f4 = NpyDType.FLOAT32_LE;
        Map<String, ArrayLayout> arrays = new LinkedHashMap<>();
        arrays.put(
                "magnitudes",
                new ArrayLayout("magnitudes", "d.npz", 100_000, f4, new long[] {rows, 5}));
        arrays.put(
                "images", new ArrayLayout("images", "d.npz", 128, f4, new long[] {rows, 5, 8, 8}));
        return new DatasetLayout("d.npz", arrays, 500);
    }
}
