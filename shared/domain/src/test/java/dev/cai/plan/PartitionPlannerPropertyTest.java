package dev.cai.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class PartitionPlannerPropertyTest {

    @Property(tries = 300)
    void plan_anySizes_coversEveryRowOnceInOrder(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long rows,
            @ForAll @LongRange(min = 1, max = 100_000_000) long rowBytes,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long targetBytes) {
        PartitionSpec spec = new PartitionSpec.BySize(targetBytes);
        long rowsPerPartition = Math.max(1, targetBytes / rowBytes);
        long expectedCount = (rows + rowsPerPartition - 1) / rowsPerPartition;
        if (expectedCount > PartitionPlanner.MAX_PARTITIONS) {
            assertThatThrownBy(() -> PartitionPlanner.plan(rows, rowBytes, spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected at most 100000");
            return;
        }

        List<RowRange> ranges = PartitionPlanner.plan(rows, rowBytes, spec);

        assertThat(ranges).hasSize((int) expectedCount);
        long next = 0;
        for (int i = 0; i < ranges.size(); i++) {
            RowRange range = ranges.get(i);
            assertThat(range.partitionId()).isEqualTo(i);
            assertThat(range.rowStart()).isEqualTo(next);
            assertThat(range.rowEnd()).isGreaterThan(range.rowStart());
            assertThat(range.rows() * rowBytes <= targetBytes || range.rows() == 1)
                    .as(
                            "partition %s of %s rows x %s bytes within %s bytes or a single row",
                            i, range.rows(), rowBytes, targetBytes)
                    .isTrue();
            next = range.rowEnd();
        }
        assertThat(next).isEqualTo(rows);
    }

    @Property(tries = 300)
    void plan_bySamples_allButLastHaveExactCount(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long rows,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long samples) {
        if ((rows + samples - 1) / samples > PartitionPlanner.MAX_PARTITIONS) {
            return;
        }

        List<RowRange> ranges =
                PartitionPlanner.plan(rows, 4, new PartitionSpec.BySamples(samples));

        for (RowRange range : ranges.subList(0, ranges.size() - 1)) {
            assertThat(range.rows()).isEqualTo(samples);
        }
        assertThat(ranges.get(ranges.size() - 1).rowEnd()).isEqualTo(rows);
        assertThat(ranges.get(ranges.size() - 1).rows()).isBetween(1L, samples);
    }
}
