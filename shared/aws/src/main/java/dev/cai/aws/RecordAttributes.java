package dev.cai.aws;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores each component of a record under its own name: {@code String} as S, {@code int} and {@code
 * long} as N, {@code boolean} as BOOL and enums as S by constant name. Null components are left
 * out, and a missing attribute decodes to null, 0 or false, so items written before a component was
 * added still decode.
 */
final class RecordAttributes {

    private RecordAttributes() {}

    static Map<String, AttributeValue> encode(Record record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            if (value != null) {
                item.put(component.getName(), toAttribute(component, value));
            }
        }
        return item;
    }

    static <T extends Record> T decode(Class<T> type, Map<String, AttributeValue> item) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = fromAttribute(type, components[i], item.get(components[i].getName()));
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "invalid "
                            + type.getSimpleName()
                            + " item "
                            + item.get(JobItems.SK)
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static AttributeValue toAttribute(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return AttributeValue.fromS((String) value);
        }
        if (type == int.class || type == long.class) {
            return AttributeValue.fromN(value.toString());
        }
        if (type == boolean.class) {
            return AttributeValue.fromBool((Boolean) value);
        }
        if (type.isEnum()) {
            return AttributeValue.fromS(((Enum<?>) value).name());
        }
        throw new IllegalStateException("no attribute type for " + component);
    }

    private static Object fromAttribute(
            Class<?> recordType, RecordComponent component, AttributeValue value) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return value == null ? null : value.s();
        }
        if (type == int.class) {
            return value == null ? 0 : Integer.parseInt(number(recordType, component, value));
        }
        if (type == long.class) {
            return value == null ? 0L : Long.parseLong(number(recordType, component, value));
        }
        if (type == boolean.class) {
            return value != null && Boolean.TRUE.equals(value.bool());
        }
        if (type.isEnum()) {
            return value == null ? null : enumConstant(type, value.s());
        }
        throw new IllegalStateException("no attribute type for " + component);
    }

    private static String number(
            Class<?> recordType, RecordComponent component, AttributeValue value) {
        if (value.n() == null) {
            throw new IllegalArgumentException(
                    "invalid "
                            + recordType.getSimpleName()
                            + " item: "
                            + component.getName()
                            + " is "
                            + value
                            + ", expected a number (N)");
        }
        return value.n();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
