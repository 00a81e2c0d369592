package dev.cai.worker.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.tensorflow.engine.TfSymbolBlock;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A {@link Predictor} over a TensorFlow SavedModel, loaded once through DJL's TensorFlow engine.
 *
 * <p>Inputs are bound by name: each signature input gets the dataset array that the input mapping
 * names (by default the array with the input's own name), and each NDArray is named after its
 * signature input, so the order in which the signature lists its inputs does not matter. Image
 * inputs (rank 4) are centre-cropped to the height and width the signature declares. The outputs
 * {@code redshift} and {@code redshift_sigma} are picked by name; a model with a single output has
 * that output used as the redshift.
 *
 * <p>Not thread-safe: use one instance per thread.
 */
public final class SavedModelPredictor implements Predictor {

    public static final String SIGNATURE_KEY = "serving_default";
    public static final String REDSHIFT = "redshift";
    public static final String REDSHIFT_SIGMA = "redshift_sigma";

    private static final Logger LOG = LoggerFactory.getLogger(SavedModelPredictor.class);

    private final Path modelDir;
    private final ZooModel<NDList, NDList> model;
    private final ai.djl.inference.Predictor<NDList, NDList> predictor;
    private final NDManager manager;
    private final List<SignatureInput> inputs;
    private final Map<String, String> datasetArrayByInput;
    private final int redshiftIndex;
    private final int sigmaIndex;
    private final List<String> outputNames;

    private SavedModelPredictor(
            Path modelDir, ZooModel<NDList, NDList> model, Map<String, String> inputMapping) {
        this.modelDir = modelDir;
        this.model = model;
        SignatureDef signature = servingSignature(modelDir, model);
        this.inputs = List.copyOf(readInputs(signature));
        this.outputNames = model.describeOutput().keys();
        this.datasetArrayByInput = bind(inputs, inputMapping, modelDir);
        this.redshiftIndex = redshiftOutput(outputNames, modelDir);
        this.sigmaIndex = outputNames.indexOf(REDSHIFT_SIGMA);
        this.predictor = model.newPredictor();
        this.manager = NDManager.newBaseManager("TensorFlow");
        LOG.info("Loaded model {}: inputs {}, outputs {}", modelDir, inputs, outputNames);
    }

    /**
     * Loads the SavedModel in {@code modelDir}.
     *
     * @param inputMapping signature input name to dataset array name, for inputs whose dataset
     *     array has another name; may be empty
     * @throws ModelLoadException when the folder is missing or not a loadable SavedModel
     * @throws ModelSignatureException when the signature is missing, names an unsupported input
     *     type, has no usable redshift output, or the mapping names an input it does not have
     */
    public static SavedModelPredictor load(Path modelDir, Map<String, String> inputMapping) {
        if (!Files.isRegularFile(modelDir.resolve("saved_model.pb"))) {
            throw new ModelLoadException(
                    "no saved_model.pb in "
                            + modelDir
                            + ": expected a TensorFlow SavedModel folder",
                    null);
        }
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(modelDir)
                        .optEngine("TensorFlow")
                        .optOption("SignatureDefKey", SIGNATURE_KEY)
                        .optTranslator(new NoopTranslator())
                        .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelLoadException("failed to load the SavedModel in " + modelDir, e);
        }
        try {
            return new SavedModelPredictor(modelDir, model, Map.copyOf(inputMapping));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns the signature's inputs in the order the signature lists them. */
    public List<SignatureInput> signatureInputs() {
        return inputs;
    }

    /** Returns whether the model has a {@code redshift_sigma} output. */
    public boolean hasSigma() {
        return sigmaIndex >= 0;
    }

    @Override
    public Set<String> requiredArrays() {
        return new LinkedHashSet<>(datasetArrayByInput.values());
    }

    /**
     * Checks that a dataset with these arrays fits the signature, before any batch is read.
     *
     * @param arrayShapes dataset array name to its full shape, rows first
     * @throws ModelSignatureException listing the signature's inputs and the dataset's arrays
     */
    @Override
    public void checkDataset(Map<String, long[]> arrayShapes) {
        for (SignatureInput input : inputs) {
            String arrayName = datasetArrayByInput.get(input.name());
            long[] shape = arrayShapes.get(arrayName);
            if (shape == null) {
                throw mismatch(
                        "signature input '"
                                + input.name()
                                + "' needs dataset array '"
                                + arrayName
                                + "', which the dataset does not have",
                        arrayShapes);
            }
            String problem = shapeProblem(input, shape);
            if (problem != null) {
                throw mismatch(problem, arrayShapes);
            }
        }
    }

    /**
     * Runs one batch. The returned arrays are fully computed (copied off the engine) before this
     * method returns, so timing a call measures the whole inference.
     *
     * @throws ModelSignatureException when an array is missing or its shape does not fit
     * @throws PredictionException when TensorFlow fails on the batch
     */
    @Override
    public Predictions predict(Map<String, FloatTensor> batch) {
        try (NDManager batchManager = manager.newSubManager()) {
            NDList list = new NDList(inputs.size());
            int rows = -1;
            for (SignatureInput input : inputs) {
                FloatTensor tensor = tensorFor(input, batch);
                rows = checkRows(rows, tensor, input);
                FloatTensor adapted = input.rank() == 4 ? centreCrop(tensor, input) : tensor;
                NDArray array = batchManager.create(adapted.data(), new Shape(adapted.shape()));
                array.setName(input.name());
                list.add(array);
            }
            // Outputs are copied into Java arrays here, so the call includes all engine work.
            try (NDList outputs = predictor.predict(list)) {
                float[] redshift = column(output(outputs, redshiftIndex), rows, REDSHIFT);
                Optional<float[]> sigma =
                        sigmaIndex >= 0
                                ? Optional.of(
                                        column(output(outputs, sigmaIndex), rows, REDSHIFT_SIGMA))
                                : Optional.empty();
                return new Predictions(redshift, sigma);
            }
        } catch (TranslateException e) {
            throw new PredictionException("TensorFlow failed on a batch for model " + modelDir, e);
        }
    }

    @Override
    public void close() {
        manager.close();
        predictor.close();
        model.close();
    }

    private FloatTensor tensorFor(SignatureInput input, Map<String, FloatTensor> batch) {
        String arrayName = datasetArrayByInput.get(input.name());
        FloatTensor tensor = batch.get(arrayName);
        if (tensor == null) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            batch.forEach((name, value) -> shapes.put(name, value.shape()));
            throw mismatch(
                    "batch has no array '"
                            + arrayName
                            + "' for signature input '"
                            + input.name()
                            + "'",
                    shapes);
        }
        String problem = shapeProblem(input, tensor.shape());
        if (problem != null) {
            throw mismatch(problem, Map.of(arrayName, tensor.shape()));
        }
        return tensor;
    }

    private int checkRows(int rows, FloatTensor tensor, SignatureInput input) {
        if (rows >= 0 && tensor.batch() != rows) {
            throw new ModelSignatureException(
                    "input '"
                            + input.name()
                            + "' has "
                            + tensor.batch()
                            + " rows but an earlier input has "
                            + rows
                            + ": every input of a batch must have the same row count");
        }
        return tensor.batch();
    }

    /**
     * Returns why an array of {@code shape} cannot feed {@code input}, or null when it can. The
     * batch dimension is free; a rank-4 image input accepts stamps at least as large as declared.
     */
    private static String shapeProblem(SignatureInput input, long[] shape) {
        long[] expected = input.shape();
        String subject = "signature input '" + input.name() + "' " + Arrays.toString(expected);
        if (shape.length != expected.length) {
            return subject
                    + " has rank "
                    + expected.length
                    + " but the dataset array has shape "
                    + Arrays.toString(shape);
        }
        for (int d = 1; d < expected.length; d++) {
            if (expected[d] < 0 || expected[d] == shape[d]) {
                continue;
            }
            boolean croppable = expected.length == 4 && d >= 2 && shape[d] > expected[d];
            if (!croppable) {
                return subject
                        + " does not fit dataset array shape "
                        + Arrays.toString(shape)
                        + (expected.length == 4 && d >= 2
                                ? ": the stamps are smaller than the model's input"
                                : ": dimension " + d + " differs");
            }
        }
        return null;
    }

    /** Returns the central H x W pixels of every (band) plane, H and W from the signature. */
    static FloatTensor centreCrop(FloatTensor tensor, SignatureInput input) {
        long[] shape = tensor.shape();
        int height = (int) (input.shape()[2] < 0 ? shape[2] : input.shape()[2]);
        int width = (int) (input.shape()[3] < 0 ? shape[3] : input.shape()[3]);
        if (height == shape[2] && width == shape[3]) {
            return tensor;
        }
        int planes = (int) (shape[0] * shape[1]);
        int sourceHeight = (int) shape[2];
        int sourceWidth = (int) shape[3];
        int top = (sourceHeight - height) / 2;
        int left = (sourceWidth - width) / 2;
        float[] source = tensor.data();
        float[] out = new float[planes * height * width];
        for (int plane = 0; plane < planes; plane++) {
            for (int row = 0; row < height; row++) {
                int from = (plane * sourceHeight + top + row) * sourceWidth + left;
                System.arraycopy(source, from, out, (plane * height + row) * width, width);
            }
        }
        return new FloatTensor(out, new long[] {shape[0], shape[1], height, width});
    }

    /**
     * Returns the output named like signature output {@code index}, or the array at that position
     * when the engine leaves outputs unnamed.
     */
    private NDArray output(NDList outputs, int index) {
        String name = outputNames.get(index);
        for (NDArray array : outputs) {
            if (name.equals(array.getName())) {
                return array;
            }
        }
        return outputs.get(index);
    }

    private float[] column(NDArray output, int rows, String name) {
        float[] values = output.toFloatArray();
        if (values.length != rows) {
            throw new ModelSignatureException(
                    "output '"
                            + name
                            + "' of model "
                            + modelDir
                            + " has shape "
                            + output.getShape()
                            + " for "
                            + rows
                            + " rows: expected one value per row, (N, 1) or (N,)");
        }
        return values;
    }

    private ModelSignatureException mismatch(String problem, Map<String, long[]> arrays) {
        List<String> available = new ArrayList<>();
        arrays.forEach((name, shape) -> available.add(name + " " + Arrays.toString(shape)));
        return new ModelSignatureException(
                "model "
                        + modelDir
                        + " does not fit the dataset: "
                        + problem
                        + ". Signature inputs: "
                        + inputs
                        + "; input mapping: "
                        + datasetArrayByInput
                        + "; dataset arrays: "
                        + available);
    }

    private static SignatureDef servingSignature(Path modelDir, ZooModel<NDList, NDList> model) {
        if (!(model.getBlock() instanceof TfSymbolBlock block)) {
            throw new ModelSignatureException(
                    "model "
                            + modelDir
                            + " was not loaded by the"
                            + " TensorFlow engine: expected a SavedModel");
        }
        Map<String, SignatureDef> signatures =
                block.getSavedModelBundle().getMetaGraphDef().getSignatureDefMap();
        SignatureDef signature = signatures.get(SIGNATURE_KEY);
        if (signature == null) {
            throw new ModelSignatureException(
                    "model "
                            + modelDir
                            + " has no '"
                            + SIGNATURE_KEY
                            + "' signature: found "
                            + signatures.keySet());
        }
        return signature;
    }

    private static List<SignatureInput> readInputs(SignatureDef signature) {
        List<SignatureInput> inputs = new ArrayList<>();
        for (Map.Entry<String, TensorInfo> entry : signature.getInputsMap().entrySet()) {
            TensorShapeProto shapeProto = entry.getValue().getTensorShape();
            long[] shape =
                    shapeProto.getDimList().stream()
                            .mapToLong(TensorShapeProto.Dim::getSize)
                            .toArray();
            inputs.add(
                    new SignatureInput(entry.getKey(), shape, entry.getValue().getDtype().name()));
        }
        return inputs;
    }

    private static Map<String, String> bind(
            List<SignatureInput> inputs, Map<String, String> inputMapping, Path modelDir) {
        Set<String> inputNames = new LinkedHashSet<>();
        inputs.forEach(input -> inputNames.add(input.name()));
        for (String mapped : inputMapping.keySet()) {
            if (!inputNames.contains(mapped)) {
                throw new ModelSignatureException(
                        "input mapping names '"
                                + mapped
                                + "', which is not an input of model "
                                + modelDir
                                + ": signature inputs "
                                + inputs);
            }
        }
        Map<String, String> binding = new LinkedHashMap<>();
        for (SignatureInput input : inputs) {
            if (!"DT_FLOAT".equals(input.dtype())) {
                throw new ModelSignatureException(
                        "signature input "
                                + input
                                + " of model "
                                + modelDir
                                + " is not float32: dataset arrays are fed as DT_FLOAT");
            }
            binding.put(input.name(), inputMapping.getOrDefault(input.name(), input.name()));
        }
        return binding;
    }

    private static int redshiftOutput(List<String> outputNames, Path modelDir) {
        int index = outputNames.indexOf(REDSHIFT);
        if (index >= 0) {
            return index;
        }
        if (outputNames.size() == 1) {
            return 0;
        }
        throw new ModelSignatureException(
                "model "
                        + modelDir
                        + " has outputs "
                        + outputNames
                        + ": expected one named '"
                        + REDSHIFT
                        + "' or a single output");
    }
}
