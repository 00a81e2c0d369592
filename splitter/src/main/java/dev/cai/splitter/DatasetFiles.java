package dev.cai.splitter;

import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.DatasetInspector;
import dev.cai.dataset.DatasetLayout;
import dev.cai.port.ByteRangeSource;
import dev.cai.port.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for which uploaded objects start jobs and how their layout is read: an {@code .npz} on
 * its own, or the {@code images.npy} of a folder of {@code .npy} files with its siblings.
 */
final class DatasetFiles {

    /** The two ways a dataset can be stored. */
    enum Kind {
        NPZ,
        NPY_FOLDER
    }

    private final ObjectStore store;
    private final ArrayNames names;

    DatasetFiles(ObjectStore store, ArrayNames names) {
        this.store = store;
        this.names = names;
    }

    /** Returns how {@code key} is stored, or empty when its upload does not start a job. */
    Optional<Kind> kindOf(String key) {
        if (key.toLowerCase(Locale.ROOT).endsWith(".npz")) {
            return Optional.of(Kind.NPZ);
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (name.equals(imagesFileName())) {
            return Optional.of(Kind.NPY_FOLDER);
        }
        return Optional.empty();
    }

    String imagesFileName() {
        return names.fileName(DatasetLayout.IMAGES) + ".npy";
    }

    /**
     * Reads the dataset's layout from its headers only.
     *
     * @throws dev.cai.dataset.DatasetFormatException when the files are not a valid dataset
     */
    DatasetLayout inspect(String bucket, String key, Kind kind) throws IOException {
        if (kind == Kind.NPZ) {
            return DatasetInspector.inspectNpz(store.open(bucket, key), names);
        }
        String folder = key.substring(0, key.lastIndexOf('/') + 1);
        List<ByteRangeSource> files = new ArrayList<>();
        for (String sibling : store.list(bucket, folder)) {
            boolean direct = sibling.indexOf('/', folder.length()) < 0;
            if (direct && sibling.toLowerCase(Locale.ROOT).endsWith(".npy")) {
                files.add(store.open(bucket, sibling));
            }
        }
        return DatasetInspector.inspectNpyFolder(key, files, names);
    }
}
