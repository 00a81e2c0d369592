package dev.cai.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PredictionColumnsTest {

    @Test
    void parse_withSigmaAndTruth_readsPredictionAndLabelColumns() {
        String csv = "object_id,z_pred,z_sigma,z_true\n7,0.1,0.02,0.12\n8,0.3,0.05,0.25\n";

        PredictionColumns columns = PredictionColumns.parse(csv, "part-00000.csv");

        assertThat(columns.zPred()).containsExactly(0.1f, 0.3f);
        assertThat(columns.zTrue()).containsExactly(0.12f, 0.25f);
    }

    @Test
    void parse_withoutTruth_hasNoLabels() {
        PredictionColumns columns = PredictionColumns.parse("object_id,z_pred\n1,0.5\n", "k");

        assertThat(columns.zPred()).containsExactly(0.5f);
        assertThat(columns.zTrue()).isNull();
    }

    @Test
    void parse_headerOnly_hasNoRows() {
        PredictionColumns columns = PredictionColumns.parse("object_id,z_pred,z_true\n", "k");

        assertThat(columns.zPred()).isEmpty();
        assertThat(columns.zTrue()).isEmpty();
    }

    @Test
    void parse_missingPredictionColumn_namesFileAndHeader() {
        assertThatThrownBy(() -> PredictionColumns.parse("object_id,z\n1,0.5\n", "jobs/x/p.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs/x/p.csv")
                .hasMessageContaining("object_id,z")
                .hasMessageContaining("z_pred");
    }

    @Test
    void parse_malformedRow_namesLine() {
        assertThatThrownBy(() -> PredictionColumns.parse("object_id,z_pred\n1,abc\n", "p.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("1,abc");
    }

    @Test
    void finiteOnly_dropsRowsWithNaNOrInfinity() {
        PredictionColumns columns =
                new PredictionColumns(
                        new float[] {0.1f, Float.NaN, 0.3f, 0.4f},
                        new float[] {0.1f, 0.2f, Float.POSITIVE_INFINITY, 0.5f});

        PredictionColumns finite = columns.finiteOnly();

        assertThat(finite.zPred()).containsExactly(0.1f, 0.4f);
        assertThat(finite.zTrue()).containsExactly(0.1f, 0.5f);
    }

    @Test
    void parse_nanAndInfinityAsWritten_readsThem() {
        PredictionColumns columns =
                PredictionColumns.parse(
                        "object_id,z_pred,z_true\n1,nan,0.5\n2,infinity,-infinity\n", "k");

        assertThat(columns.zPred()[0]).isNaN();
        assertThat(columns.zPred()[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(columns.zTrue()[1]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void finiteOnly_dropsLabelsAtOrBelowMinusOne() {
        PredictionColumns columns =
                new PredictionColumns(new float[] {0.1f, 0.2f}, new float[] {-1f, 0.3f});

        PredictionColumns usable = columns.finiteOnly();

        assertThat(usable.zPred()).containsExactly(0.2f);
        assertThat(usable.zTrue()).containsExactly(0.3f);
    }
}
