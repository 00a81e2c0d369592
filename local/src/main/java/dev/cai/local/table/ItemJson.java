package dev.cai.local.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts items to and from DynamoDB's JSON form ({@code {"name": {"S": "value"}}}), the form the
 * AWS CLI and the DynamoDB API use, so a saved local table reads like an export.
 */
final class ItemJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemJson() {}

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, valueToJson(value)));
        return node;
    }

    static Map<String, AttributeValue> fromJson(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), valueFromJson(field.getValue(), field.getKey()));
        }
        return item;
    }

    private static ObjectNode valueToJson(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case B -> node.put("B", value.b().asByteArray());
            case SS -> node.set("SS", strings(value.ss()));
            case NS -> node.set("NS", strings(value.ns()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(valueToJson(element)));
            }
            case M -> node.set("M", toJson(value.m()));
            default ->
                    throw new IllegalArgumentException(
                            "unsupported attribute type " + value.type());
        }
        return node;
    }

    private static AttributeValue valueFromJson(JsonNode node, String name) {
        String type = node.fieldNames().hasNext() ? node.fieldNames().next() : "";
        JsonNode content = node.get(type);
        return switch (type) {
            case "S" -> AttributeValue.fromS(content.asText());
            case "N" -> AttributeValue.fromN(content.asText());
            case "BOOL" -> AttributeValue.fromBool(content.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(binary(content, name)));
            case "SS" -> AttributeValue.fromSs(texts(content));
            case "NS" -> AttributeValue.fromNs(texts(content));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                content.forEach(element -> list.add(valueFromJson(element, name)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(fromJson(content));
            default ->
                    throw new IllegalArgumentException(
                            "invalid attribute '"
                                    + name
                                    + "': expected one of S, N, BOOL, NULL, B, SS, NS, L, M, got '"
                                    + type
                                    + "'");
        };
    }

    private static byte[] binary(JsonNode content, String name) {
        try {
            return content.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("invalid binary attribute '" + name + "'", e);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }
}
