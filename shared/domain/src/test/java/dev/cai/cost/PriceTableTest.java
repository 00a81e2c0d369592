package dev.cai.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    @Test
    void loadDefault_usEast1() {
        assertThat(PriceTable.loadDefault().region()).isEqualTo("us-east-1");
    }

    @Test
    void loadDefault_everyPriceHasSource() {
        assertThat(PriceTable.loadDefault().prices())
                .allSatisfy(price -> assertThat(price.source()).startsWith("https://"));
    }

    @Test
    void loadDefault_lambdaX86Price() {
        assertThat(PriceTable.loadDefault().lambdaPerGbSecondX86().usd()).isEqualTo(0.0000166667);
    }

    @Test
    void fromJson_missingPrices_reportsEveryKey() {
        assertThatThrownBy(
                        () ->
                                PriceTable.fromJson(
                                        """
                                        {"region": "r", "currency": "USD", "checkedOn": "d", "sources": ["s"],
                                         "prices": {"lambdaPerGbSecondX86": {"usd": -1}}}\
                                        """))
                .isInstanceOfSatisfying(
                        PriceTableException.class,
                        e -> assertThat(e.problems()).hasSize(PriceTable.KEYS.size()));
    }

    @Test
    void fromJson_negativePrice_namesKeyAndValue() {
        assertThatThrownBy(
                        () ->
                                PriceTable.fromJson(
                                        """
                                        {"region": "r", "currency": "USD", "checkedOn": "d", "sources": ["s"],
                                         "prices": {"lambdaPerGbSecondX86": {"usd": -1}}}\
                                        """))
                .hasMessageContaining("'prices.lambdaPerGbSecondX86.usd' is -1");
    }

    @Test
    void fromJson_notJson_rejected() {
        assertThatThrownBy(() -> PriceTable.fromJson("{not json"))
                .isInstanceOf(PriceTableException.class);
    }

    @Test
    void load_filePath_readsFile(@TempDir Path dir) throws Exception {
        String json;
        try (var in = PriceTable.class.getResourceAsStream("prices.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("prices.json");
        Files.writeString(file, json.replace("us-east-1", "eu-west-1"));
        assertThat(PriceTable.load(file.toString()).region()).isEqualTo("eu-west-1");
    }

    @Test
    void load_missingFile_namesFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        assertThatThrownBy(() -> PriceTable.load(file.toString()))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining(file.toString());
    }
}
