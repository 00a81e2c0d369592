package dev.cai.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedCostTableTest {

    private static final PriceTable PRICES = PriceTable.loadDefault();

    @Test
    void publishedFormula_everyRun_reproducesPublishedCents() {
        for (PublishedCostTable.Run run : PublishedCostTable.runs()) {
            assertThat(PublishedCostTable.publishedFormula(run))
                    .as("%d MB", run.partitionMb())
                    .isEqualTo(run.publishedCostUsd());
        }
    }

    @Test
    void publishedFormula_inputs_asPublished() {
        assertThat(PublishedCostTable.runs())
                .extracting(PublishedCostTable.Run::requests)
                .containsExactly(517, 259, 173, 130);
    }

    @Test
    void publishedCosts_asPublished() {
        assertThat(PublishedCostTable.runs())
                .extracting(PublishedCostTable.Run::publishedCostUsd)
                .containsExactly(
                        new BigDecimal("0.16"),
                        new BigDecimal("0.20"),
                        new BigDecimal("0.30"),
                        new BigDecimal("0.41"));
    }

    @Test
    void bill_25MbRun_billsConfiguredMemory() {
        // 517 requests x 6.550 s x 10 GB = 33,863.5 GB-s.
        PublishedCostTable.Row row = PublishedCostTable.rows(PRICES).get(0);
        assertThat(row.billedGbSeconds()).isCloseTo(33_863.5, within(1e-6));
    }

    @Test
    void bill_25MbRun_addsRequestCharge() {
        PublishedCostTable.Row row = PublishedCostTable.rows(PRICES).get(0);
        double expected =
                33_863.5 * PRICES.lambdaPerGbSecondX86().usd()
                        + 517 * PRICES.lambdaPerMillionRequests().usd() / 1e6;
        assertThat(row.billedCostUsd()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void bill_everyRun_costsMoreThanPublished() {
        List<PublishedCostTable.Row> rows = PublishedCostTable.rows(PRICES);
        assertThat(rows)
                .allSatisfy(
                        row ->
                                assertThat(row.billedCostUsd())
                                        .isGreaterThan(row.run().publishedCostUsd().doubleValue()));
    }
}
