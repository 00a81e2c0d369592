package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The NumPy files written by {@code src/test/resources/numpy/make_fixtures.py}. */
final class Fixtures {

    private Fixtures() {}

    /** Returns the path of a fixture such as {@code valid.npz} or {@code folder/images.npy}. */
    static Path path(String name) {
        URL url = Fixtures.class.getResource("/numpy/" + name);
        if (url == null) {
            throw new IllegalStateException(
                    "test resource numpy/"
                            + name
                            + " is missing: run"
                            + " make_fixtures.py in src/test/resources/numpy");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("invalid resource URL " + url, e);
        }
    }

    /** Returns a source over a fixture whose key is the fixture's name. */
    static ByteRangeSource source(String name) {
        return new FileByteRangeSource(path(name), name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
