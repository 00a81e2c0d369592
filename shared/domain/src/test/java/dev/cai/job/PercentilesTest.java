package dev.cai.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void of_threeValues_nearestRanks() {
        // n = 3: p50 rank ceil(1.5) = 2, p95 rank ceil(2.85) = 3.
        assertThat(Percentiles.of(List.of(30L, 10L, 20L)))
                .isEqualTo(new Percentiles(3, 20, 30, 30));
    }

    @Test
    void of_oneToTwenty_p95IsNineteenth() {
        long[] values = LongStream.rangeClosed(1, 20).toArray();
        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(20, 10, 19, 20));
    }

    @Test
    void of_empty_allZero() {
        assertThat(Percentiles.of(new long[0])).isEqualTo(Percentiles.EMPTY);
    }

    @Test
    void of_array_leftUnsorted() {
        long[] values = {3, 1, 2};
        Percentiles.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void nearestRank_percentileAboveHundred_rejected() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101");
    }
}
