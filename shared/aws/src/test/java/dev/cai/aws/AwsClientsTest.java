package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class AwsClientsTest {

    @Test
    void s3_explicitTarget_usesPathStyle() throws Exception {
        try (EmbeddedS3 server = EmbeddedS3.start();
                S3Client s3 = AwsClients.s3(server.target())) {
            s3.createBucket(b -> b.bucket("path-style"));

            // A virtual-hosted request would go to path-style.127.0.0.1 and fail to resolve.
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("path-style");
            assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        }
    }

    @Test
    void target_missingRegion_throws() {
        assertThatThrownBy(
                        () ->
                                new AwsClients.Target(
                                        URI.create("http://127.0.0.1:1"),
                                        null,
                                        AwsClients.staticCredentials("a", "b")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("region");
    }
}
