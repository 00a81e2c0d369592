package dev.cai.aws;

import dev.cai.port.ByteRangeSource;
import dev.cai.port.ObjectInfo;
import dev.cai.port.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@link ObjectStore} on Amazon S3 (or an S3-compatible endpoint).
 *
 * <p>Failures surface as {@link IOException}: {@link FileNotFoundException} for a missing object,
 * {@link java.io.EOFException} for a range past the object's end, and a plain IOException wrapping
 * the SDK exception for everything else, after the SDK's own retries.
 */
public final class S3ObjectStore implements ObjectStore {

    /** Files above this size are uploaded in parts. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    /** Part size of multipart uploads; S3 accepts 5 MiB to 5 GiB per part. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final long multipartThreshold;
    private final int partSize;

    public S3ObjectStore(S3Client s3) {
        this(s3, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
    }

    /**
     * Creates a store with its own multipart settings.
     *
     * @throws IllegalArgumentException when {@code partSize} is below the 5 MiB S3 minimum
     */
    public S3ObjectStore(S3Client s3, long multipartThreshold, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "invalid part size " + partSize + ": S3 requires at least " + MIN_PART_SIZE);
        }
        this.s3 = s3;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    @Override
    public ByteRangeSource open(String bucket, String key) {
        return new S3RangeSource(s3, bucket, key);
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        try {
            HeadObjectResponse response = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(
                    new ObjectInfo(
                            key,
                            response.contentLength(),
                            stripQuotes(response.eTag()),
                            Optional.ofNullable(response.versionId()),
                            response.hasMetadata() ? response.metadata() : Map.of()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("HEAD", bucket, key, e);
        } catch (SdkException e) {
            throw failure("HEAD", bucket, key, e);
        }
    }

    @Override
    public byte[] get(String bucket, String key) throws IOException {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw notFound(bucket, key);
        } catch (SdkException e) {
            throw failure("GET", bucket, key, e);
        }
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("DELETE", bucket, key, e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType)
            throws IOException {
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("PUT", bucket, key, e);
        }
    }

    @Override
    public void upload(String bucket, String key, Path file) throws IOException {
        upload(bucket, key, file, UploadProgress.NONE);
    }

    /**
     * Uploads a local file with one PUT, or in parts of {@code partSize} bytes when it is larger
     * than the multipart threshold, reporting progress after each part.
     */
    public void upload(String bucket, String key, Path file, UploadProgress progress)
            throws IOException {
        upload(bucket, key, file, Map.of(), progress);
    }

    /**
     * Uploads a local file with user metadata (names without the {@code x-amz-meta-} prefix), with
     * one PUT or in parts as {@link #upload(String, String, Path, UploadProgress)} does.
     */
    public void upload(
            String bucket,
            String key,
            Path file,
            Map<String, String> metadata,
            UploadProgress progress)
            throws IOException {
        long size = Files.size(file);
        if (size <= multipartThreshold) {
            putFile(bucket, key, file, size, metadata);
            progress.onProgress(size, size);
            return;
        }
        String uploadId = startMultipart(bucket, key, metadata);
        try {
            List<CompletedPart> parts = uploadParts(bucket, key, file, uploadId, progress);
            completeMultipart(bucket, key, uploadId, parts);
        } catch (IOException | RuntimeException e) {
            abortQuietly(bucket, key, uploadId, e);
            throw e;
        }
    }

    @Override
    public List<String> list(String bucket, String prefix) throws IOException {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object :
                    s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                keys.add(object.key());
            }
            return keys;
        } catch (SdkException e) {
            throw failure("LIST", bucket, prefix, e);
        }
    }

    private void putFile(
            String bucket, String key, Path file, long size, Map<String, String> metadata)
            throws IOException {
        try {
            s3.putObject(
                    b -> b.bucket(bucket).key(key).contentLength(size).metadata(metadata),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("PUT", bucket, key, e);
        }
    }

    private String startMultipart(String bucket, String key, Map<String, String> metadata)
            throws IOException {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(metadata))
                    .uploadId();
        } catch (SdkException e) {
            throw failure("CreateMultipartUpload", bucket, key, e);
        }
    }

    private List<CompletedPart> uploadParts(
            String bucket, String key, Path file, String uploadId, UploadProgress progress)
            throws IOException {
        long size = Files.size(file);
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[partSize];
        try (InputStream in = Files.newInputStream(file)) {
            long sent = 0;
            while (sent < size) {
                int length = in.readNBytes(buffer, 0, (int) Math.min(partSize, size - sent));
                int partNumber = parts.size() + 1;
                String etag =
                        s3.uploadPart(
                                        b ->
                                                b.bucket(bucket)
                                                        .key(key)
                                                        .uploadId(uploadId)
                                                        .partNumber(partNumber)
                                                        .contentLength((long) length),
                                        RequestBody.fromBytes(copyOf(buffer, length)))
                                .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                sent += length;
                progress.onProgress(sent, size);
            }
        } catch (SdkException e) {
            throw failure("UploadPart", bucket, key, e);
        }
        return parts;
    }

    private void completeMultipart(
            String bucket, String key, String uploadId, List<CompletedPart> parts)
            throws IOException {
        try {
            s3.completeMultipartUpload(
                    b ->
                            b.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .multipartUpload(
                                            CompletedMultipartUpload.builder()
                                                    .parts(parts)
                                                    .build()));
        } catch (SdkException e) {
            throw failure("CompleteMultipartUpload", bucket, key, e);
        }
    }

    // An upload left open keeps its parts billed until a lifecycle rule removes them.
    private void abortQuietly(String bucket, String key, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
            LOG.warn("Abort of multipart upload {} of s3://{}/{} failed", uploadId, bucket, key, e);
        }
    }

    private static byte[] copyOf(byte[] buffer, int length) {
        return length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
    }

    static String stripQuotes(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    static FileNotFoundException notFound(String bucket, String key) {
        return new FileNotFoundException("s3://" + bucket + "/" + key + " not found");
    }

    static IOException failure(String operation, String bucket, String key, SdkException e) {
        return new IOException(
                operation + " s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
    }
}
