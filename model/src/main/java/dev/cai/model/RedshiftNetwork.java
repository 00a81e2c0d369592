package dev.cai.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The redshift network: a small Inception-style convolutional branch on the five-band image and a
 * dense branch on magnitudes and colours, joined into a head that outputs a Gaussian mean and log
 * standard deviation of the (standardised) redshift.
 *
 * <pre>
 * images (N, 5, 32, 32) nanomaggies
 *   -> asinh(x / 0.1), standardised, transposed to (N, 32, 32, 5)
 *   -> conv 3x3, 8 filters, ReLU -> max pool 2x2                  (N, 16, 16, 8)
 *   -> [conv 1x1, 8 | conv 3x3, 8 | conv 5x5, 8], ReLU, concat    (N, 16, 16, 24)
 *   -> max pool 2x2 -> mean over rows and columns                  (N, 24)
 * magnitudes (N, 5) AB -> [standardised u..z, standardised u-g, g-r, r-i, i-z] (N, 9)
 *   -> dense 32, ReLU -> dense 32, ReLU                            (N, 32)
 * concat (N, 56) -> dense 32, ReLU -> dense 1 (mean), dense 1 (s); sigma = exp(s) + 0.02
 * </pre>
 */
public final class RedshiftNetwork {

    public static final int BANDS = 5;
    public static final int IMAGE_SIZE = 32;

    /**
     * Lower bound of the predicted sigma in standardised redshift units, so the likelihood cannot
     * grow without bound on a training galaxy the network has memorised.
     */
    static final float SIGMA_FLOOR = 0.02f;

    /** Softening of the asinh pixel stretch, in nanomaggies (near the r-band sky noise). */
    public static final float PIXEL_SOFTENING = 0.1f;

    static final int STEM_FILTERS = 8;
    static final int BRANCH_FILTERS = 8;
    static final int MAGNITUDE_FEATURES = BANDS + BANDS - 1;
    static final int DENSE_UNITS = 32;

    private RedshiftNetwork() {}

    /** A trainable tensor with its shape and the FLOPs of the layer that uses it per sample. */
    record ParameterSpec(String name, long[] shape, long flopsPerSample) {

        long size() {
            long size = 1;
            for (long dimension : shape) {
                size *= dimension;
            }
            return size;
        }
    }

    /**
     * Lists every weight and bias in graph order. FLOPs count a multiply-add as 2 and a bias add as
     * 1; activations, pooling and the input scaling are not counted.
     */
    static List<ParameterSpec> parameterSpecs() {
        int half = IMAGE_SIZE / 2;
        int branchInputs = STEM_FILTERS;
        int imageFeatures = 3 * BRANCH_FILTERS;
        List<ParameterSpec> specs = new ArrayList<>();
        addConv(specs, "stem", 3, BANDS, STEM_FILTERS, IMAGE_SIZE);
        addConv(specs, "branch1x1", 1, branchInputs, BRANCH_FILTERS, half);
        addConv(specs, "branch3x3", 3, branchInputs, BRANCH_FILTERS, half);
        addConv(specs, "branch5x5", 5, branchInputs, BRANCH_FILTERS, half);
        addDense(specs, "magnitudes1", MAGNITUDE_FEATURES, DENSE_UNITS);
        addDense(specs, "magnitudes2", DENSE_UNITS, DENSE_UNITS);
        addDense(specs, "head", imageFeatures + DENSE_UNITS, DENSE_UNITS);
        addDense(specs, "mean", DENSE_UNITS, 1);
        addDense(specs, "log_sigma", DENSE_UNITS, 1);
        return specs;
    }

    /** Returns the FLOPs of one sample's forward pass, as counted by {@link #parameterSpecs}. */
    public static long flopsPerSample() {
        return parameterSpecs().stream().mapToLong(ParameterSpec::flopsPerSample).sum();
    }

    public static long parameterCount() {
        return parameterSpecs().stream().mapToLong(ParameterSpec::size).sum();
    }

    private static void addConv(
            List<ParameterSpec> specs, String name, int kernel, int in, int out, int size) {
        long positions = (long) size * size;
        specs.add(
                new ParameterSpec(
                        name + "/kernel",
                        new long[] {kernel, kernel, in, out},
                        2L * positions * kernel * kernel * in * out));
        specs.add(new ParameterSpec(name + "/bias", new long[] {out}, positions * out));
    }

    private static void addDense(List<ParameterSpec> specs, String name, int in, int out) {
        specs.add(new ParameterSpec(name + "/kernel", new long[] {in, out}, 2L * in * out));
        specs.add(new ParameterSpec(name + "/bias", new long[] {out}, out));
    }

    /**
     * Draws initial values: He-normal kernels (standard deviation sqrt(2 / fan-in)) and zero
     * biases, except the two output layers, which start small so the first losses are moderate.
     */
    static Map<String, float[]> initialValues(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (ParameterSpec spec : parameterSpecs()) {
            float[] value = new float[(int) spec.size()];
            if (spec.name().endsWith("/kernel")) {
                long fanIn = spec.size() / spec.shape()[spec.shape().length - 1];
                double scale = Math.sqrt(2.0 / fanIn);
                if (spec.name().startsWith("mean/") || spec.name().startsWith("log_sigma/")) {
                    scale *= 0.1;
                }
                for (int i = 0; i < value.length; i++) {
                    value[i] = (float) (scale * random.nextGaussian());
                }
            }
            values.put(spec.name(), value);
        }
        return values;
    }

    /** The graph's inputs, outputs and variables. */
    record Graph(
            Placeholder<TFloat32> images,
            Placeholder<TFloat32> magnitudes,
            Operand<TFloat32> mean,
            Operand<TFloat32> standardSigma,
            Operand<TFloat32> redshift,
            Operand<TFloat32> sigma,
            List<Variable<TFloat32>> variables) {}

    /**
     * Adds the network to {@code tf}'s graph with variables initialised from {@code values}, keyed
     * as in {@link #parameterSpecs}.
     */
    static Graph build(Ops tf, Normalisation normalisation, Map<String, float[]> values) {
        Placeholder<TFloat32> images =
                tf.withName("images")
                        .placeholder(
                                TFloat32.class,
                                Placeholder.shape(Shape.of(-1, BANDS, IMAGE_SIZE, IMAGE_SIZE)));
        Placeholder<TFloat32> magnitudes =
                tf.withName("magnitudes")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, BANDS)));
        Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
        for (ParameterSpec spec : parameterSpecs()) {
            float[] value = values.get(spec.name());
            variables.put(
                    spec.name(),
                    tf.withName(spec.name().replace('/', '_'))
                            .variable(
                                    tf.constant(
                                            Shape.of(spec.shape()),
                                            DataBuffers.of(value, true, false))));
        }
        Layers layers = new Layers(tf, variables);

        Operand<TFloat32> imageFeatures = imageBranch(tf, layers, images, normalisation);
        Operand<TFloat32> magnitudeFeatures =
                magnitudeBranch(tf, layers, magnitudes, normalisation);
        Operand<TFloat32> joined =
                tf.concat(List.of(imageFeatures, magnitudeFeatures), tf.constant(1));
        Operand<TFloat32> hidden = tf.nn.relu(layers.dense("head", joined));
        Operand<TFloat32> mean = layers.dense("mean", hidden);
        Operand<TFloat32> standardSigma =
                tf.math.add(
                        tf.math.exp(layers.dense("log_sigma", hidden)), tf.constant(SIGMA_FLOOR));

        Operand<TFloat32> redshift =
                tf.withName("redshift")
                        .math
                        .add(
                                tf.math.mul(mean, tf.constant(normalisation.redshiftStd())),
                                tf.constant(normalisation.redshiftMean()));
        Operand<TFloat32> sigma =
                tf.withName("redshift_sigma")
                        .math
                        .mul(standardSigma, tf.constant(normalisation.redshiftStd()));
        return new Graph(
                images,
                magnitudes,
                mean,
                standardSigma,
                redshift,
                sigma,
                List.copyOf(variables.values()));
    }

    private static Operand<TFloat32> imageBranch(
            Ops tf, Layers layers, Operand<TFloat32> images, Normalisation normalisation) {
        Operand<TFloat32> stretched =
                tf.math.asinh(tf.math.div(images, tf.constant(PIXEL_SOFTENING)));
        Operand<TFloat32> scaled =
                tf.math.div(
                        tf.math.sub(stretched, tf.constant(normalisation.pixelMean())),
                        tf.constant(normalisation.pixelStd()));
        // CPU Conv2D kernels only support channels-last, so move bands to the last axis.
        Operand<TFloat32> channelsLast =
                tf.linalg.transpose(scaled, tf.constant(new int[] {0, 2, 3, 1}));

        Operand<TFloat32> stem = layers.maxPool(tf.nn.relu(layers.conv("stem", channelsLast)));
        Operand<TFloat32> inception =
                tf.concat(
                        List.of(
                                tf.nn.relu(layers.conv("branch1x1", stem)),
                                tf.nn.relu(layers.conv("branch3x3", stem)),
                                tf.nn.relu(layers.conv("branch5x5", stem))),
                        tf.constant(3));
        return tf.math.mean(layers.maxPool(inception), tf.constant(new int[] {1, 2}));
    }

    private static Operand<TFloat32> magnitudeBranch(
            Ops tf, Layers layers, Operand<TFloat32> magnitudes, Normalisation normalisation) {
        Operand<TFloat32> scaledMagnitudes =
                tf.math.div(
                        tf.math.sub(magnitudes, tf.constant(normalisation.magnitudeMean())),
                        tf.constant(normalisation.magnitudeStd()));
        Operand<TFloat32> bluer =
                tf.slice(
                        magnitudes,
                        tf.constant(new int[] {0, 0}),
                        tf.constant(new int[] {-1, BANDS - 1}));
        Operand<TFloat32> redder =
                tf.slice(
                        magnitudes,
                        tf.constant(new int[] {0, 1}),
                        tf.constant(new int[] {-1, BANDS - 1}));
        Operand<TFloat32> colours =
                tf.math.div(
                        tf.math.sub(
                                tf.math.sub(bluer, redder),
                                tf.constant(normalisation.colourMean())),
                        tf.constant(normalisation.colourStd()));
        Operand<TFloat32> features = tf.concat(List.of(scaledMagnitudes, colours), tf.constant(1));
        Operand<TFloat32> first = tf.nn.relu(layers.dense("magnitudes1", features));
        return tf.nn.relu(layers.dense("magnitudes2", first));
    }

    /** Layer helpers over the named variables. */
    private record Layers(Ops tf, Map<String, Variable<TFloat32>> variables) {

        Operand<TFloat32> conv(String name, Operand<TFloat32> input) {
            Operand<TFloat32> convolved =
                    tf.nn.conv2d(
                            input,
                            variables.get(name + "/kernel"),
                            List.of(1L, 1L, 1L, 1L),
                            "SAME");
            return tf.nn.biasAdd(convolved, variables.get(name + "/bias"));
        }

        Operand<TFloat32> dense(String name, Operand<TFloat32> input) {
            return tf.math.add(
                    tf.linalg.matMul(input, variables.get(name + "/kernel")),
                    variables.get(name + "/bias"));
        }

        Operand<TFloat32> maxPool(Operand<TFloat32> input) {
            return tf.nn.maxPool(
                    input,
                    tf.constant(new int[] {1, 2, 2, 1}),
                    tf.constant(new int[] {1, 2, 2, 1}),
                    "VALID");
        }
    }
}
