package dev.cai.splitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void derive_sameUpload_givesSameId() {
        assertThat(JobIds.derive("in", "datasets/sdss.npz", "etag1"))
                .isEqualTo(JobIds.derive("in", "datasets/sdss.npz", "etag1"));
    }

    @Test
    void derive_newVersion_givesNewId() {
        assertThat(JobIds.derive("in", "datasets/sdss.npz", "etag1"))
                .isNotEqualTo(JobIds.derive("in", "datasets/sdss.npz", "etag2"));
    }

    @Test
    void derive_otherBucket_givesNewId() {
        assertThat(JobIds.derive("in", "datasets/sdss.npz", "etag1"))
                .isNotEqualTo(JobIds.derive("other", "datasets/sdss.npz", "etag1"));
    }

    @Test
    void derive_keyWithSpacesAndUnicode_givesReadableStem() {
        String id = JobIds.derive("in", "datasets/My Stamps+Ü 2024.npz", "v1");

        assertThat(id).matches("my-stamps-2024-[0-9a-f]{16}");
    }

    @Test
    void derive_nameWithoutLetters_fallsBackToJob() {
        assertThat(JobIds.derive("in", "datasets/___.npz", "v1")).matches("job-[0-9a-f]{16}");
    }
}
