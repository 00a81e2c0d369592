package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitTest {

    @Test
    void of_1000Rows_splits70To15To15() {
        DataSplit split = DataSplit.of(1000, 42);

        assertThat(split.train()).hasSize(700);
        assertThat(split.validation()).hasSize(150);
        assertThat(split.test()).hasSize(150);
    }

    @Test
    void of_anySeed_coversEveryRowOnce() {
        DataSplit split = DataSplit.of(997, 3);

        int[] all =
                IntStream.concat(
                                IntStream.concat(
                                        Arrays.stream(split.train()),
                                        Arrays.stream(split.validation())),
                                Arrays.stream(split.test()))
                        .sorted()
                        .toArray();

        assertThat(all).isEqualTo(IntStream.range(0, 997).toArray());
    }

    @Test
    void of_sameSeed_sameSplit() {
        assertThat(DataSplit.of(500, 9).test()).isEqualTo(DataSplit.of(500, 9).test());
        assertThat(DataSplit.of(500, 9).test()).isNotEqualTo(DataSplit.of(500, 10).test());
    }
}
