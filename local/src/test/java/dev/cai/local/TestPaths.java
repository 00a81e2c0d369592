package dev.cai.local;

import java.nio.file.Path;

/** Paths the tests read: the checkout (set by the build) and the shared data beside it. */
final class TestPaths {

    private TestPaths() {}

    static Path repositoryRoot() {
        String root = System.getProperty("cai.repository.root");
        return Path.of(root == null ? "." : root).toAbsolutePath().normalize();
    }

    static Path shippedModel() {
        return repositoryRoot().resolve("model/saved-model");
    }

    /** Returns the public survey data kept beside the checkout, which tests skip without. */
    static Path sharedData() {
        return repositoryRoot().resolveSibling("shared").resolve("data");
    }
}
