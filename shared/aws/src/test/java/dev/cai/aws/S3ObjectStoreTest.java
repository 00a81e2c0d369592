package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.port.ByteRangeSource;
import dev.cai.port.ObjectInfo;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreTest {

    private static final String BUCKET = "cai-input";
    private static final byte[] CONTENT = randomBytes(100_003, 7);

    private static EmbeddedS3 server;
    private static S3Client s3;
    private static S3ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedS3.start();
        s3 = AwsClients.s3(server.target());
        s3.createBucket(b -> b.bucket(BUCKET));
        store = new S3ObjectStore(s3);
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void read_oddOffsets_returnsExactBytes() throws Exception {
        store.put(BUCKET, "ranges/data.bin", CONTENT, "application/octet-stream");
        ByteRangeSource source = store.open(BUCKET, "ranges/data.bin");

        for (long[] range : new long[][] {{0, 1}, {1, 3}, {7, 4093}, {99_999, 4}, {12_345, 1}}) {
            byte[] bytes = source.read(range[0], (int) range[1]);
            assertThat(bytes)
                    .as("range %s", Arrays.toString(range))
                    .isEqualTo(
                            Arrays.copyOfRange(
                                    CONTENT, (int) range[0], (int) (range[0] + range[1])));
        }
    }

    @Test
    void openRange_streamsRangeInPieces() throws Exception {
        store.put(BUCKET, "ranges/stream.bin", CONTENT, "application/octet-stream");
        ByteRangeSource source = store.open(BUCKET, "ranges/stream.bin");

        byte[] collected;
        try (InputStream in = source.openRange(333, 50_001)) {
            collected = readInPieces(in, 997);
        }

        assertThat(collected).isEqualTo(Arrays.copyOfRange(CONTENT, 333, 333 + 50_001));
    }

    @Test
    void read_pastEnd_throwsEofNamingKey() throws Exception {
        store.put(BUCKET, "ranges/short.bin", CONTENT, "application/octet-stream");
        ByteRangeSource source = store.open(BUCKET, "ranges/short.bin");

        assertThatThrownBy(() -> source.read(CONTENT.length - 10, 20))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("ranges/short.bin")
                .hasMessageContaining("expected 20 bytes");
    }

    @Test
    void read_startingPastEnd_throwsEof() throws Exception {
        store.put(BUCKET, "ranges/beyond.bin", CONTENT, "application/octet-stream");
        ByteRangeSource source = store.open(BUCKET, "ranges/beyond.bin");

        assertThatThrownBy(() -> source.read(CONTENT.length + 5, 4))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void length_returnsObjectSize() throws Exception {
        store.put(BUCKET, "ranges/length.bin", CONTENT, "application/octet-stream");

        assertThat(store.open(BUCKET, "ranges/length.bin").length()).isEqualTo(CONTENT.length);
    }

    @Test
    void length_missingObject_throwsNotFound() {
        ByteRangeSource source = store.open(BUCKET, "ranges/missing.bin");

        assertThatThrownBy(source::length)
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("s3://cai-input/ranges/missing.bin");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "datasets/with space/file name.npz",
                "datasets/plus+sign/a+b.npz",
                "datasets/percent%20literal/100%.npz",
                "datasets/ünïcødé/星系/z=0.5.npz",
                "a/b/c/d/e/f/g/h/i/j/deep prefix/x.npy"
            })
    void putAndRead_unusualKeys_roundTrip(String key) throws Exception {
        byte[] content = key.getBytes(StandardCharsets.UTF_8);
        store.put(BUCKET, key, content, "application/octet-stream");

        assertThat(store.get(BUCKET, key)).isEqualTo(content);
        assertThat(store.open(BUCKET, key).read(1, 3)).isEqualTo(Arrays.copyOfRange(content, 1, 4));
        assertThat(store.list(BUCKET, key)).containsExactly(key);
    }

    @Test
    void head_existing_returnsSizeAndUnquotedEtag() throws Exception {
        store.put(BUCKET, "head/object.bin", CONTENT, "application/octet-stream");

        ObjectInfo info = store.head(BUCKET, "head/object.bin").orElseThrow();

        assertThat(info.size()).isEqualTo(CONTENT.length);
        assertThat(info.etag()).doesNotContain("\"").isNotBlank();
    }

    @Test
    void head_missing_returnsEmpty() throws Exception {
        assertThat(store.head(BUCKET, "head/missing.bin")).isEqualTo(Optional.empty());
    }

    @Test
    void get_missing_throwsNotFound() {
        assertThatThrownBy(() -> store.get(BUCKET, "get/missing.bin"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("get/missing.bin");
    }

    @Test
    void list_prefix_returnsKeysInOrder() throws Exception {
        for (String key : List.of("list/b", "list/a", "list/c/d", "other/a")) {
            store.put(BUCKET, key, new byte[] {1}, "text/plain");
        }

        assertThat(store.list(BUCKET, "list/")).containsExactly("list/a", "list/b", "list/c/d");
    }

    @Test
    void upload_largeFile_usesPartsAndReportsProgress(@TempDir Path folder) throws Exception {
        byte[] content = randomBytes(17 * 1024 * 1024 + 123, 11);
        Path file = Files.write(folder.resolve("large.bin"), content);
        List<Long> progress = new ArrayList<>();

        store.upload(BUCKET, "uploads/large file.bin", file, (sent, total) -> progress.add(sent));

        assertThat(progress)
                .containsExactly(8L * 1024 * 1024, 16L * 1024 * 1024, (long) content.length);
        assertThat(store.get(BUCKET, "uploads/large file.bin")).isEqualTo(content);
        // S3 marks a multipart object's ETag with the part count after a dash.
        assertThat(store.head(BUCKET, "uploads/large file.bin").orElseThrow().etag())
                .endsWith("-3");
    }

    @Test
    void upload_smallFile_usesOnePut(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("small.bin"), CONTENT);
        List<Long> progress = new ArrayList<>();

        store.upload(BUCKET, "uploads/small.bin", file, (sent, total) -> progress.add(sent));

        assertThat(progress).containsExactly((long) CONTENT.length);
        assertThat(store.get(BUCKET, "uploads/small.bin")).isEqualTo(CONTENT);
    }

    @Test
    void constructor_partBelowMinimum_throws() {
        assertThatThrownBy(() -> new S3ObjectStore(s3, 1, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024");
    }

    private static byte[] readInPieces(InputStream in, int pieceSize) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[pieceSize];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
