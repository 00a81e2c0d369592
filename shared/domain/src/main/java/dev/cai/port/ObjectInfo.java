package dev.cai.port;

import java.util.Map;
import java.util.Optional;

/**
 * The metadata of a stored object, as a HEAD request returns it.
 *
 * @param key the object key
 * @param size length in bytes
 * @param etag the entity tag without quotes
 * @param versionId the version id where the bucket is versioned
 * @param metadata the object's user metadata, with names lowercased and without the {@code
 *     x-amz-meta-} prefix, as S3 returns them
 */
public record ObjectInfo(
        String key,
        long size,
        String etag,
        Optional<String> versionId,
        Map<String, String> metadata) {

    public ObjectInfo {
        metadata = Map.copyOf(metadata);
    }

    /** Creates the information of an object without user metadata. */
    public ObjectInfo(String key, long size, String etag, Optional<String> versionId) {
        this(key, size, etag, versionId, Map.of());
    }
}
