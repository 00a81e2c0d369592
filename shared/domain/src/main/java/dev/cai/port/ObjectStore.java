package dev.cai.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The object storage the functions read datasets from and write predictions and summaries to. */
public interface ObjectStore {

    /** Returns a lazy ranged reader of one object; nothing is fetched until it is read. */
    ByteRangeSource open(String bucket, String key);

    /** Returns the object's metadata, or empty when it does not exist. */
    Optional<ObjectInfo> head(String bucket, String key) throws IOException;

    /** Reads a whole (small) object such as a summary or a predictions file. */
    byte[] get(String bucket, String key) throws IOException;

    /** Writes an object, replacing any object with the same key. */
    void put(String bucket, String key, byte[] content, String contentType) throws IOException;

    /** Deletes an object; deleting an object that does not exist succeeds. */
    void delete(String bucket, String key) throws IOException;

    /** Uploads a local file, in parts where it is large. */
    void upload(String bucket, String key, Path file) throws IOException;

    /** Lists the keys under a prefix, in lexicographic order. */
    List<String> list(String bucket, String prefix) throws IOException;
}
