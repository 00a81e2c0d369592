package dev.cai.port;

import java.util.Optional;

/**
 * What a HEAD request returns about a stored object.
 *
 * @param key the object key
 * @param size length in bytes
 * @param etag the entity tag without quotes
 * @param versionId the version id where the bucket is versioned
 */
public record ObjectInfo(String key, long size, String etag, Optional<String> versionId) {}
