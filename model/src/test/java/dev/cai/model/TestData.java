package dev.cai.model;

import dev.cai.render.ColourRedshiftModel;
import dev.cai.render.Galaxy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small labelled data sets drawn from the synthetic colour-redshift model. */
final class TestData {

    private TestData() {}

    static LabelledData synthetic(int rows, long seed) {
        ColourRedshiftModel model = new ColourRedshiftModel();
        SplittableRandom random = new SplittableRandom(seed);
        List<Galaxy> galaxies = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            galaxies.add(model.draw(random));
        }
        return LabelledData.render(galaxies, seed);
    }

    static Normalisation normalisation() {
        LabelledData data = synthetic(64, 3);
        return Normalisation.fit(data.images(), data.magnitudes(), data.redshifts());
    }
}
