package dev.cai.splitter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Derives job ids from what identifies one upload: bucket, key and ETag or version id. S3 delivers
 * events at least once, so the same upload must always map to the same job.
 */
public final class JobIds {

    private static final int STEM_LENGTH = 40;

    private JobIds() {}

    /**
     * Returns {@code <file stem>-<16 hex digits>}, for example {@code
     * sdss-001035-6-0017-3f2a9c0d1e4b5a67}. The stem keeps ids readable; the hash makes them unique
     * per object version.
     */
    public static String derive(String bucket, String key, String versionOrEtag) {
        String identity = bucket + '\u0000' + key + '\u0000' + versionOrEtag;
        return stem(key) + "-" + sha256(identity).substring(0, 16);
    }

    static String stem(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        cleaned = cleaned.replaceAll("^-+|-+$", "");
        if (cleaned.length() > STEM_LENGTH) {
            cleaned = cleaned.substring(0, STEM_LENGTH).replaceAll("-+$", "");
        }
        return cleaned.isEmpty() ? "job" : cleaned;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
