package dev.cai.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a function's environment variables once, collecting every problem so that a misconfigured
 * function reports all of them in one error instead of one per deployment.
 */
public final class EnvironmentReader {

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    public EnvironmentReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Returns a required variable's value, or records it as missing. */
    public String required(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is missing: set it to " + describe(name));
            return "";
        }
        return value.trim();
    }

    public String optional(String name, String defaultValue) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public Optional<String> optional(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Parses a variable with {@code parser}, recording the variable, the value and what is allowed
     * when it throws an {@link IllegalArgumentException}.
     */
    public <T> T parsed(
            String name, String defaultValue, Function<String, T> parser, String allowed) {
        String raw = optional(name, defaultValue);
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            problems.add(name + "='" + raw + "' is invalid: expected " + allowed);
            return parser.apply(defaultValue);
        }
    }

    /** Parses an integer variable within {@code [min, max]}. */
    public int integer(String name, int defaultValue, int min, int max) {
        String raw = optional(name, Integer.toString(defaultValue));
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Recorded below with the allowed range.
        }
        problems.add(
                name + "='" + raw + "' is invalid: expected an integer from " + min + " to " + max);
        return defaultValue;
    }

    /**
     * Throws one {@link IllegalStateException} listing every problem found so far, if any.
     *
     * @param function the function's name, for the message
     */
    public void validate(String function) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "invalid configuration of " + function + ": " + String.join("; ", problems));
        }
    }

    private static String describe(String name) {
        if (name.endsWith("_URL")) {
            return "a URL";
        }
        if (name.endsWith("_BUCKET")) {
            return "a bucket name";
        }
        if (name.endsWith("_TABLE")) {
            return "a table name";
        }
        return "a value";
    }
}
