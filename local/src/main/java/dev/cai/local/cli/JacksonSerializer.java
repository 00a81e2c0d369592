package dev.cai.local.cli;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.cai.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads and writes the project's own types (records, maps) with the project's JSON codec. */
final class JacksonSerializer<T> implements PojoSerializer<T> {

    private final Class<T> type;

    JacksonSerializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T fromJson(InputStream input) {
        try {
            return fromJson(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T fromJson(String input) {
        return Json.fromJson(input, type);
    }

    @Override
    public void toJson(T value, OutputStream output) {
        try {
            output.write(Json.toPrettyJsonBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
