package dev.cai.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset for {@link SyntheticDataset#generate} to write.
 *
 * @param out the {@code .npz} file to create or overwrite
 * @param samples number of galaxies (rows), at least 1
 * @param seed seed of every random draw, so equal requests give equal files
 * @param withRedshifts whether to write the {@code redshifts} array (labels)
 * @param stampSize stamp width and height in pixels, 8 to 1024
 */
public record GenerationRequest(
        Path out, long samples, long seed, boolean withRedshifts, int stampSize) {

    public GenerationRequest {
        Objects.requireNonNull(out, "out");
        if (samples < 1) {
            throw new IllegalArgumentException(
                    "invalid sample count " + samples + " for " + out + ": expected at least 1");
        }
        if (stampSize < 8 || stampSize > 1024) {
            throw new IllegalArgumentException(
                    "invalid stamp size "
                            + stampSize
                            + " for "
                            + out
                            + ": expected 8 to 1024 pixels");
        }
    }
}
