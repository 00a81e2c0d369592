package dev.cai.splitter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes object keys as S3 event notifications encode them: form encoding, so a space arrives as
 * {@code +}, a real {@code +} as {@code %2B} and other UTF-8 bytes as {@code %XX}. Decode exactly
 * once: decoding twice turns a key's literal {@code %2B} into {@code +} and then into a space.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html">
 *     S3 event message structure</a>
 */
public final class S3EventKeys {

    private S3EventKeys() {}

    public static String decode(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid object key in S3 event: '" + encodedKey + "' is not URL-encoded", e);
        }
    }

    /** Encodes a key the way S3 does in event notifications, for local events and tests. */
    public static String encode(String key) {
        return java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
