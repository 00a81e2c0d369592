package dev.cai.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.plan.ArraySlice;
import dev.cai.plan.PartitionDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final PartitionDescriptor DESCRIPTOR =
            new PartitionDescriptor(
                    "job-7",
                    3,
                    10,
                    "input",
                    300,
                    400,
                    List.of(
                            new ArraySlice(
                                    "images",
                                    "data/d.npz",
                                    192,
                                    "<f4",
                                    new long[] {1000, 5, 64, 64}),
                            new ArraySlice(
                                    "object_ids",
                                    "data/d.npz",
                                    90_000_000L,
                                    ">i8",
                                    new long[] {1000})),
                    32,
                    "output",
                    "jobs/job-7/predictions/part-00003.csv");

    @Test
    void fromJson_partitionDescriptor_roundTrips() {
        String json = Json.toJson(DESCRIPTOR);

        assertThat(Json.fromJson(json, PartitionDescriptor.class)).isEqualTo(DESCRIPTOR);
    }

    @Test
    void fromJson_bytesAndPretty_roundTrip() {
        byte[] compact = Json.toJsonBytes(DESCRIPTOR);
        String pretty = Json.toPrettyJson(DESCRIPTOR);

        assertThat(Json.fromJson(compact, PartitionDescriptor.class)).isEqualTo(DESCRIPTOR);
        assertThat(Json.fromJson(pretty, PartitionDescriptor.class)).isEqualTo(DESCRIPTOR);
        assertThat(pretty).contains("\n");
    }

    @Test
    void toJson_descriptor_writesComponentsOnly() {
        String json = Json.toJson(DESCRIPTOR);

        assertThat(json).contains("\"shape\":[1000,5,64,64]");
        assertThat(json).contains("\"dtype\":\"<f4\"");
        assertThat(json).doesNotContain("\"bytes\"");
    }

    @Test
    void fromJson_unknownProperty_ignored() {
        String json = Json.toJson(DESCRIPTOR).replaceFirst("\\{", "{\"addedLater\":1,");

        assertThat(Json.fromJson(json, PartitionDescriptor.class)).isEqualTo(DESCRIPTOR);
    }

    @Test
    void fromJson_malformed_namesType() {
        assertThatThrownBy(() -> Json.fromJson("{\"jobId\":", PartitionDescriptor.class))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageStartingWith("invalid JSON for PartitionDescriptor");
    }
}
