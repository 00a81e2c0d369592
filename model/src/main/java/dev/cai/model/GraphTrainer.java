package dev.cai.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains {@link RedshiftNetwork} in TensorFlow graph mode with Adam on a negative log-likelihood of
 * the standardised redshift, with early stopping on the validation loss. Training batches are
 * augmented with random flips and 90-degree rotations, which leave a galaxy image's statistics
 * unchanged. Not thread-safe: one training run per instance.
 */
final class GraphTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphTrainer.class);
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;
    private static final int EVALUATION_BATCH = 256;
    private static final float OUTLIER_WEIGHT = 0.02f;
    private static final float BROAD_SIGMA = 3f;

    private final Normalisation normalisation;
    private final Graph graph;
    private final Session session;
    private final RedshiftNetwork.Graph network;
    private final Placeholder<TFloat32> label;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Placeholder<TFloat32> learningRate;
    private final Operand<TFloat32> loss;
    private final List<Op> updates = new ArrayList<>();

    /** The weights with the lowest validation loss and the history that led to them. */
    record Outcome(
            Map<String, float[]> weights,
            int epochsRun,
            int bestEpoch,
            double bestValidationLoss,
            List<double[]> history) {}

    GraphTrainer(Normalisation normalisation, long seed) {
        this.normalisation = normalisation;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        this.network =
                RedshiftNetwork.build(tf, normalisation, RedshiftNetwork.initialValues(seed));
        this.label =
                tf.withName("label")
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
        this.beta1Power = scalarPlaceholder(tf, "beta1_power");
        this.beta2Power = scalarPlaceholder(tf, "beta2_power");
        this.learningRate = scalarPlaceholder(tf, "learning_rate");

        this.loss = mixtureLoss(tf, label, network.mean(), network.standardSigma());

        Gradients gradients = tf.gradients(loss, network.variables());
        for (int i = 0; i < network.variables().size(); i++) {
            Variable<TFloat32> variable = network.variables().get(i);
            Shape shape = Shape.of(RedshiftNetwork.parameterSpecs().get(i).shape());
            Variable<TFloat32> firstMoment =
                    tf.variable(tf.zeros(tf.constant(shape), TFloat32.class));
            Variable<TFloat32> secondMoment =
                    tf.variable(tf.zeros(tf.constant(shape), TFloat32.class));
            updates.add(
                    tf.train.applyAdam(
                            variable,
                            firstMoment,
                            secondMoment,
                            beta1Power,
                            beta2Power,
                            learningRate,
                            tf.constant(BETA1),
                            tf.constant(BETA2),
                            tf.constant(EPSILON),
                            gradients.<TFloat32>dy(i)));
        }
        this.session = new Session(graph);
        session.initialize();
    }

    /** Trains until the validation loss has not improved for {@code patience} epochs. */
    Outcome fit(LabelledData train, LabelledData validation, TrainingOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x2545F4914F6CDD1DL);
        int[] order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Map<String, float[]> best = weights();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int step = 0;
        List<double[]> history = new ArrayList<>();
        int epoch = 0;
        while (epoch < options.maxEpochs() && epoch - bestEpoch < options.patience()) {
            epoch++;
            DataSplit.shuffle(order, random);
            double trainLoss = 0;
            for (int start = 0; start < order.length; start += options.batchSize()) {
                int end = Math.min(order.length, start + options.batchSize());
                int[] rows = Arrays.copyOfRange(order, start, end);
                step++;
                LabelledData batch = train.subset(rows).withRandomSymmetries(random);
                trainLoss += step(batch, step, options.learningRate()) * (end - start);
            }
            trainLoss /= order.length;
            double validationLoss = loss(validation);
            history.add(new double[] {epoch, trainLoss, validationLoss});
            LOG.info(
                    "Epoch {}: training loss {}, validation loss {}",
                    epoch,
                    String.format("%.4f", trainLoss),
                    String.format("%.4f", validationLoss));
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best = weights();
            }
        }
        return new Outcome(best, epoch, bestEpoch, bestLoss, history);
    }

    /** Runs one Adam step on a batch and returns the batch loss before the update. */
    double step(LabelledData batch, int stepNumber, float stepSize) {
        try (TFloat32 images = images(batch);
                TFloat32 magnitudes = magnitudes(batch);
                TFloat32 labels = labels(batch);
                TFloat32 power1 = TFloat32.scalarOf((float) Math.pow(BETA1, stepNumber));
                TFloat32 power2 = TFloat32.scalarOf((float) Math.pow(BETA2, stepNumber));
                TFloat32 rate = TFloat32.scalarOf(stepSize)) {
            Session.Runner runner =
                    session.runner()
                            .feed(network.images(), images)
                            .feed(network.magnitudes(), magnitudes)
                            .feed(label, labels)
                            .feed(beta1Power, power1)
                            .feed(beta2Power, power2)
                            .feed(learningRate, rate)
                            .fetch(loss);
            for (Op update : updates) {
                runner.addTarget(update);
            }
            try (Result result = runner.run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        }
    }

    /** Returns the mean loss over {@code data}, in batches, without updating weights. */
    double loss(LabelledData data) {
        double sum = 0;
        for (int start = 0; start < data.rows(); start += EVALUATION_BATCH) {
            int end = Math.min(data.rows(), start + EVALUATION_BATCH);
            LabelledData batch = data.subset(range(start, end));
            try (TFloat32 images = images(batch);
                    TFloat32 magnitudes = magnitudes(batch);
                    TFloat32 labels = labels(batch);
                    Result result =
                            session.runner()
                                    .feed(network.images(), images)
                                    .feed(network.magnitudes(), magnitudes)
                                    .feed(label, labels)
                                    .fetch(loss)
                                    .run()) {
                sum += ((TFloat32) result.get(0)).getFloat() * (end - start);
            }
        }
        return sum / data.rows();
    }

    /** Copies the current variable values, keyed as in {@link RedshiftNetwork#parameterSpecs}. */
    Map<String, float[]> weights() {
        Session.Runner runner = session.runner();
        network.variables().forEach(runner::fetch);
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            List<RedshiftNetwork.ParameterSpec> specs = RedshiftNetwork.parameterSpecs();
            for (int i = 0; i < specs.size(); i++) {
                float[] value = new float[(int) specs.get(i).size()];
                ((TFloat32) result.get(i)).copyTo(DataBuffers.of(value, false, false));
                values.put(specs.get(i).name(), value);
            }
        }
        return values;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private TFloat32 images(LabelledData batch) {
        int size = RedshiftNetwork.IMAGE_SIZE;
        return TFloat32.tensorOf(
                Shape.of(batch.rows(), RedshiftNetwork.BANDS, size, size),
                DataBuffers.of(batch.images(), true, false));
    }

    private TFloat32 magnitudes(LabelledData batch) {
        return TFloat32.tensorOf(
                Shape.of(batch.rows(), RedshiftNetwork.BANDS),
                DataBuffers.of(batch.magnitudes(), true, false));
    }

    private TFloat32 labels(LabelledData batch) {
        float[] standardised = new float[batch.rows()];
        for (int i = 0; i < standardised.length; i++) {
            standardised[i] =
                    (batch.redshifts()[i] - normalisation.redshiftMean())
                            / normalisation.redshiftStd();
        }
        return TFloat32.tensorOf(
                Shape.of(batch.rows(), 1), DataBuffers.of(standardised, true, false));
    }

    /**
     * Returns the mean negative log-likelihood of a Gaussian (weight 0.98, the predicted sigma)
     * mixed with a broad Gaussian (weight 0.02, sigma 3 standard deviations of the redshift) with
     * the same mean. The broad part bounds the loss of catastrophic outliers, which a plain
     * Gaussian likelihood lets dominate the validation loss. The constant log(2 pi) / 2 is left
     * out.
     */
    private static Operand<TFloat32> mixtureLoss(
            Ops tf, Operand<TFloat32> label, Operand<TFloat32> mean, Operand<TFloat32> sigma) {
        Operand<TFloat32> error = tf.math.sub(label, mean);
        Operand<TFloat32> core =
                tf.math.sub(
                        tf.math.mul(tf.constant(-0.5f), tf.math.square(tf.math.div(error, sigma))),
                        tf.math.log(sigma));
        Operand<TFloat32> broad =
                tf.math.sub(
                        tf.math.mul(
                                tf.constant(-0.5f / (BROAD_SIGMA * BROAD_SIGMA)),
                                tf.math.square(error)),
                        tf.constant((float) Math.log(BROAD_SIGMA)));
        Operand<TFloat32> likelihood =
                tf.math.add(
                        tf.math.mul(tf.constant(1 - OUTLIER_WEIGHT), tf.math.exp(core)),
                        tf.math.mul(tf.constant(OUTLIER_WEIGHT), tf.math.exp(broad)));
        return tf.math.neg(tf.math.mean(tf.math.log(likelihood), tf.constant(new int[] {0, 1})));
    }

    private static Placeholder<TFloat32> scalarPlaceholder(Ops tf, String name) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    static int[] range(int start, int end) {
        int[] rows = new int[end - start];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = start + i;
        }
        return rows;
    }
}
