package dev.cai.local.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations inside the repository checkout that the launcher runs from. */
final class RepositoryPaths {

    private RepositoryPaths() {}

    /** Returns the checkout's root: the {@code cai.home} property the launcher sets, else here. */
    static Path home() {
        String home = System.getProperty("cai.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /** Returns the shipped SavedModel. */
    static Path shippedModel() {
        return home().resolve("model").resolve("saved-model");
    }

    /** Returns the default folder for local runs' stored objects and generated datasets. */
    static Path defaultWorkDir() {
        Path work = home().resolve("work");
        return Files.isDirectory(home()) ? work : Path.of("work").toAbsolutePath();
    }
}
