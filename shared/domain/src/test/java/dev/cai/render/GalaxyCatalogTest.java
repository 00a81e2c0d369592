package dev.cai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalaxyCatalogTest {

    @TempDir Path dir;

    @Test
    void readGalaxies_mixedClasses_keepsGalaxyRows() throws IOException {
        Path csv = dir.resolve("c.csv");
        Files.writeString(
                csv,
                "objid,u,g,r,i,z,class,redshift\n"
                        + "1,19.1,17.2,16.3,15.9,15.6,GALAXY,0.08\n"
                        + "2,18.0,17.0,16.5,16.3,16.2,STAR,0.0001\n"
                        + "3,20.0,18.5,17.5,17.0,16.7,GALAXY,0.21\n");

        List<Galaxy> galaxies = GalaxyCatalog.readGalaxies(csv);

        assertThat(galaxies).extracting(Galaxy::redshift).containsExactly(0.08f, 0.21f);
        assertThat(galaxies.get(1).magnitudes()).containsExactly(20.0f, 18.5f, 17.5f, 17.0f, 16.7f);
    }

    @Test
    void readGalaxies_missingColumn_namesIt() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "u,g,r,i,class,redshift\n");

        assertThatThrownBy(() -> GalaxyCatalog.readGalaxies(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'z'");
    }

    @Test
    void readGalaxies_badNumber_namesLineAndValue() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "u,g,r,i,z,class,redshift\n19,18,x17,16,15,GALAXY,0.1\n");

        assertThatThrownBy(() -> GalaxyCatalog.readGalaxies(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'x17'");
    }

    @Test
    void readGalaxies_sdssDr14Extract_has4998Galaxies() {
        Path csv =
                Path.of(System.getProperty("cai.repository.root", "."))
                        .resolve("../shared/data/sdss-dr14/skyserver-dr14-10k.csv")
                        .normalize();
        assumeTrue(Files.exists(csv), "missing " + csv + ": SDSS DR14 catalog not available");

        assertThat(GalaxyCatalog.readGalaxies(csv)).hasSize(4998);
    }
}
