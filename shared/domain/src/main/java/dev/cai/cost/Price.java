package dev.cai.cost;

/**
 * One list price and where it comes from.
 *
 * @param usd the price in US dollars for the unit its key names (for example per GB-second)
 * @param source the page the price was read from
 * @param note how far the source confirms the price, or other caveats; may be empty
 */
public record Price(double usd, String source, String note) {}
