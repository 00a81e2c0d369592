package dev.cai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourRedshiftModelTest {

    @Test
    void distanceModulus_redshiftTenth_matchesFlatLambdaCdm() {
        // Flat LambdaCDM, H0 = 70, Omega_m = 0.3: luminosity distance 460 Mpc at z = 0.1.
        double expected = 5 * Math.log10(460.0e6 / 10);

        assertThat(ColourRedshiftModel.distanceModulus(0.1)).isCloseTo(expected, within(0.01));
    }

    @Test
    void draw_higherRedshift_isRedderInGMinusR() {
        ColourRedshiftModel model = new ColourRedshiftModel();
        SplittableRandom random = new SplittableRandom(1);
        double nearColour = 0;
        double farColour = 0;
        int near = 0;
        int far = 0;
        for (int i = 0; i < 5000; i++) {
            Galaxy galaxy = model.draw(random);
            float[] m = galaxy.magnitudes();
            if (galaxy.redshift() < 0.07) {
                nearColour += m[1] - m[2];
                near++;
            } else if (galaxy.redshift() > 0.2) {
                farColour += m[1] - m[2];
                far++;
            }
        }

        assertThat(farColour / far).isGreaterThan(nearColour / near + 0.1);
    }

    @Test
    void draw_sameSeed_sameGalaxy() {
        ColourRedshiftModel model = new ColourRedshiftModel();

        Galaxy first = model.draw(new SplittableRandom(8));
        Galaxy second = model.draw(new SplittableRandom(8));

        assertThat(second.magnitudes()).containsExactly(first.magnitudes());
        assertThat(second.redshift()).isEqualTo(first.redshift());
    }
}
