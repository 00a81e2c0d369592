package dev.cai.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of Python literal syntax that {@code .npy} headers use: dicts, tuples, lists,
 * strings in single or double quotes, integers (with an optional Python 2 {@code L} suffix), {@code
 * True}, {@code False} and {@code None}. Dicts become {@link Map}s, tuples and lists become {@link
 * List}s and integers become {@link Long}s.
 */
final class PythonLiteralParser {

    /** Nesting limit, far above any real header, so a hostile header cannot overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private PythonLiteralParser(String text) {
        this.text = text;
    }

    /**
     * Parses one literal that fills {@code text} apart from surrounding whitespace.
     *
     * @throws IllegalArgumentException naming the position and what was expected there
     */
    static Object parse(String text) {
        PythonLiteralParser parser = new PythonLiteralParser(text);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("end of header");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw error("a value");
        }
        char next = text.charAt(position);
        return switch (next) {
            case '{' -> dict(depth);
            case '(' -> sequence(')', depth);
            case '[' -> sequence(']', depth);
            case '\'', '"' -> string();
            default -> next == '-' || Character.isDigit(next) ? integer() : keyword();
        };
    }

    private Map<String, Object> dict(int depth) {
        position++;
        Map<String, Object> entries = new LinkedHashMap<>();
        while (!consumeIf('}')) {
            skipWhitespace();
            if (position >= text.length()
                    || text.charAt(position) != '\'' && text.charAt(position) != '"') {
                throw error("a quoted key or '}'");
            }
            String key = string();
            expect(':');
            entries.put(key, value(depth + 1));
            if (!consumeIf(',')) {
                expect('}');
                break;
            }
        }
        return entries;
    }

    private List<Object> sequence(char close, int depth) {
        position++;
        List<Object> items = new ArrayList<>();
        while (!consumeIf(close)) {
            items.add(value(depth + 1));
            if (!consumeIf(',')) {
                expect(close);
                break;
            }
        }
        return items;
    }

    private String string() {
        char quote = text.charAt(position++);
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && position < text.length()) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw error("a closing " + quote);
    }

    private Long integer() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        String digits = text.substring(start, position);
        if (position < text.length() && text.charAt(position) == 'L') {
            position++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("an integer that fits 64 bits", e);
        }
    }

    private Object keyword() {
        for (String word : List.of("True", "False", "None")) {
            if (text.startsWith(word, position)) {
                position += word.length();
                return word.equals("None") ? KeywordNone.NONE : word.equals("True");
            }
        }
        throw error("a dict, tuple, list, string, integer, True, False or None");
    }

    private boolean consumeIf(char expected) {
        skipWhitespace();
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!consumeIf(expected)) {
            throw error("'" + expected + "'");
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return error(expected, null);
    }

    private IllegalArgumentException error(String expected, Throwable cause) {
        String found =
                position >= text.length()
                        ? "the end"
                        : "'"
                                + text.substring(position, Math.min(text.length(), position + 20))
                                + "'";
        return new IllegalArgumentException(
                "invalid header literal at character "
                        + position
                        + ": found "
                        + found
                        + ", expected "
                        + expected,
                cause);
    }

    /** Python's {@code None}, kept distinct from a missing dict entry. */
    enum KeywordNone {
        NONE
    }
}
