package dev.cai.render;

import java.util.List;
import java.util.SplittableRandom;

/** A source of galaxies for synthetic datasets. Implementations must be thread-safe. */
@FunctionalInterface
public interface GalaxyPopulation {

    /** Draws one galaxy using only {@code random}, so equal random states give equal galaxies. */
    Galaxy draw(SplittableRandom random);

    /** Returns a population that draws catalog rows uniformly, with replacement. */
    static GalaxyPopulation resample(List<Galaxy> catalog) {
        if (catalog.isEmpty()) {
            throw new IllegalArgumentException("cannot resample an empty catalog");
        }
        List<Galaxy> rows = List.copyOf(catalog);
        return random -> rows.get(random.nextInt(rows.size()));
    }
}
