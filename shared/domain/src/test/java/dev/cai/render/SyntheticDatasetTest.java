package dev.cai.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {

    @TempDir Path dir;

    @Test
    void generate_withRedshifts_writesFourArraysInOrder() throws IOException {
        Path file = dir.resolve("a.npz");

        GenerationReport report =
                SyntheticDataset.generate(new GenerationRequest(file, 300, 5, true, 32));

        assertThat(memberNames(file))
                .containsExactly("images.npy", "magnitudes.npy", "redshifts.npy", "object_ids.npy");
        assertThat(report.samples()).isEqualTo(300);
        assertThat(report.bytes()).isEqualTo(Files.size(file));
        assertThat(readLongs(file, "object_ids.npy")).startsWith(0L, 1L, 2L).endsWith(299L);
    }

    @Test
    void generate_withoutRedshifts_omitsLabels() throws IOException {
        Path file = dir.resolve("b.npz");

        SyntheticDataset.generate(new GenerationRequest(file, 10, 5, false, 16));

        assertThat(memberNames(file)).doesNotContain("redshifts.npy");
    }

    @Test
    void generate_sameSeed_writesIdenticalFiles() throws IOException {
        Path first = dir.resolve("first.npz");
        Path second = dir.resolve("second.npz");
        Path other = dir.resolve("other.npz");

        SyntheticDataset.generate(new GenerationRequest(first, 700, 9, true, 32));
        SyntheticDataset.generate(new GenerationRequest(second, 700, 9, true, 32));
        SyntheticDataset.generate(new GenerationRequest(other, 700, 10, true, 32));

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1L);
    }

    @Test
    void generate_images_carryTheMagnitudeFlux() throws IOException {
        Path file = dir.resolve("flux.npz");
        SyntheticDataset.generate(new GenerationRequest(file, 200, 3, true, 64));

        float[] images = readFloats(file, "images.npy");
        float[] magnitudes = readFloats(file, "magnitudes.npy");
        int stamp = 5 * 64 * 64;
        double imageFlux = 0;
        double magnitudeFlux = 0;
        for (int row = 0; row < 200; row++) {
            for (int p = 0; p < 64 * 64; p++) {
                imageFlux += images[row * stamp + 2 * 64 * 64 + p];
            }
            magnitudeFlux += GalaxyRenderer.fluxOf(magnitudes[row * 5 + 2]);
        }

        // Summed over rows, sky noise averages out and bright galaxies dominate. Large bright
        // galaxies lose some flux past the stamp edge, so the ratio may fall a little below 1.
        assertThat(imageFlux / magnitudeFlux).isBetween(0.9, 1.01);
    }

    @Test
    void generate_redshifts_followTheColourModel() throws IOException {
        Path file = dir.resolve("z.npz");
        SyntheticDataset.generate(new GenerationRequest(file, 500, 4, true, 8));

        float[] redshifts = readFloats(file, "redshifts.npy");
        float[] magnitudes = readFloats(file, "magnitudes.npy");
        double correlation = correlation(redshifts, magnitudes);
        float[] sorted = redshifts.clone();
        Arrays.sort(sorted);

        assertThat(sorted[0]).isGreaterThan(0f);
        assertThat(sorted[sorted.length - 1]).isLessThan(1f);
        assertThat(correlation).as("correlation of z with r magnitude").isGreaterThan(0.5);
    }

    @Test
    void samplesForBytes_fileSize_matchesTarget() throws IOException {
        long target = 3_000_000;
        long samples = SyntheticDataset.samplesForBytes(target, 32, true);
        Path file = dir.resolve("sized.npz");

        SyntheticDataset.generate(new GenerationRequest(file, samples, 1, true, 32));

        assertThat(Files.size(file)).isLessThanOrEqualTo(target);
        assertThat(Files.size(file)).isGreaterThan(target - 20_540 - 1024);
    }

    @Test
    void generate_catalogPopulation_usesCatalogRows() throws IOException {
        Galaxy only = new Galaxy(new float[] {19f, 18f, 17f, 16.5f, 16f}, 0.123f);
        Path file = dir.resolve("catalog.npz");

        SyntheticDataset.generate(
                new GenerationRequest(file, 20, 1, true, 8),
                GalaxyPopulation.resample(List.of(only)));

        assertThat(readFloats(file, "redshifts.npy")).containsOnly(0.123f);
    }

    private static double correlation(float[] redshifts, float[] magnitudes) {
        int n = redshifts.length;
        double mz = 0;
        double mr = 0;
        for (int i = 0; i < n; i++) {
            mz += redshifts[i] / n;
            mr += magnitudes[i * 5 + 2] / n;
        }
        double szr = 0;
        double szz = 0;
        double srr = 0;
        for (int i = 0; i < n; i++) {
            double dz = redshifts[i] - mz;
            double dr = magnitudes[i * 5 + 2] - mr;
            szr += dz * dr;
            szz += dz * dz;
            srr += dr * dr;
        }
        return szr / Math.sqrt(szz * srr);
    }

    private static List<String> memberNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
        }
        return names;
    }

    private static ByteBuffer memberData(Path file, String member) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(member);
            try (InputStream in = zip.getInputStream(entry)) {
                ByteBuffer bytes =
                        ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                int headerLength = bytes.getShort(8) & 0xFFFF;
                bytes.position(10 + headerLength);
                return bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    private static float[] readFloats(Path file, String member) throws IOException {
        ByteBuffer data = memberData(file, member);
        float[] values = new float[data.remaining() / 4];
        data.asFloatBuffer().get(values);
        return values;
    }

    private static long[] readLongs(Path file, String member) throws IOException {
        ByteBuffer data = memberData(file, member);
        long[] values = new long[data.remaining() / 8];
        data.asLongBuffer().get(values);
        return values;
    }
}
