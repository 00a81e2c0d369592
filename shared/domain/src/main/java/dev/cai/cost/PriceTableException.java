package dev.cai.cost;

import java.util.List;

/** A price table that cannot be used: unreadable, not JSON, or with missing or invalid prices. */
public class PriceTableException extends RuntimeException {

    private final List<String> problems;

    public PriceTableException(String source, List<String> problems) {
        super("invalid price table " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public PriceTableException(String source, String problem, Throwable cause) {
        super("invalid price table " + source + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Returns every problem found, each naming the key and the bad value. */
    public List<String> problems() {
        return problems;
    }
}
