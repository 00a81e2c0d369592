package dev.cai.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The project's JSON mapping: records by their components, unknown properties ignored (so a newer
 * writer can add fields), and maps sorted by key for stable output.
 */
public final class Json {

    /** Jackson mappers are thread-safe once configured, so every caller shares this one. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .build();

    private Json() {}

    /** Returns a copy of the configured mapper, for callers that need streaming or tree access. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Serializes {@code value} to compact JSON. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw writeFailed(value, e);
        }
    }

    /** Serializes {@code value} to indented JSON, for files people read. */
    public static String toPrettyJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw writeFailed(value, e);
        }
    }

    /** Serializes {@code value} to compact UTF-8 JSON bytes. */
    public static byte[] toJsonBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw writeFailed(value, e);
        }
    }

    /** Serializes {@code value} to indented UTF-8 JSON bytes. */
    public static byte[] toPrettyJsonBytes(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw writeFailed(value, e);
        }
    }

    /**
     * Reads a {@code type} from JSON text.
     *
     * @throws JsonException naming the type when the text is not valid JSON for it
     */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw readFailed(type, e);
        }
    }

    /** Reads a {@code type} from UTF-8 JSON bytes. */
    public static <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw readFailed(type, e);
        }
    }

    private static JsonException writeFailed(Object value, JsonProcessingException e) {
        String type = value == null ? "null" : value.getClass().getName();
        return new JsonException(
                "failed to write " + type + " as JSON: " + e.getOriginalMessage(), e);
    }

    private static JsonException readFailed(Class<?> type, IOException e) {
        String detail =
                e instanceof JsonProcessingException processing
                        ? processing.getOriginalMessage()
                        : e.getMessage();
        return new JsonException("invalid JSON for " + type.getSimpleName() + ": " + detail, e);
    }

    /** JSON that cannot be written or read as the requested type. */
    public static final class JsonException extends RuntimeException {
        public JsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
