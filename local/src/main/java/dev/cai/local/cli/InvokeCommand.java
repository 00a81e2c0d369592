package dev.cai.local.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cai invoke}: runs one handler in this JVM on an event file, as {@code sam local invoke}
 * does in a container. The handler builds its clients from the environment, so it reaches whatever
 * AWS account, region and endpoints the standard variables name.
 */
@Command(
        name = "invoke",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one function's handler on an event file, without Docker.",
            "The handler reads its settings (JOB_TABLE, OUTPUT_BUCKET, ...) and AWS credentials "
                    + "from the environment, as on Lambda."
        })
final class InvokeCommand implements Callable<Integer> {

    /** Function names as in template.yaml, and their handler classes. */
    static final Map<String, String> HANDLERS =
            Map.of(
                    "SplitterFunction", "dev.cai.splitter.SplitterHandler",
                    "InferenceWorkerFunction", "dev.cai.worker.InferenceWorkerHandler",
                    "AggregatorFunction", "dev.cai.aggregator.AggregatorHandler",
                    "DeadLetterFunction", "dev.cai.aggregator.DeadLetterHandler",
                    "DeadlineFunction", "dev.cai.aggregator.DeadlineHandler");

    @Parameters(
            paramLabel = "FUNCTION",
            description =
                    "SplitterFunction, InferenceWorkerFunction, AggregatorFunction, "
                            + "DeadLetterFunction or DeadlineFunction.")
    String function;

    @Option(
            names = {"-e", "--event"},
            required = true,
            description = "The event JSON file.")
    Path event;

    @Option(
            names = "--memory-mb",
            defaultValue = "3008",
            description = "Memory the context reports (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Override
    public Integer call() throws Exception {
        String className = HANDLERS.get(function);
        if (className == null) {
            System.err.println(
                    "cai invoke: unknown function '"
                            + function
                            + "': expected one of "
                            + HANDLERS.keySet());
            return 2;
        }
        AwsRegion.require();
        Object handler = Class.forName(className).getDeclaredConstructor().newInstance();
        Class<?> inputType = inputType(handler.getClass());
        Object input;
        try (InputStream in = Files.newInputStream(event)) {
            input = serializer(inputType).fromJson(in);
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        Object output =
                typed.handleRequest(input, new dev.cai.local.LocalContext(function, memoryMb, 900));
        System.out.println(toJson(output));
        return 0;
    }

    /** Returns the handler's input class from its {@code RequestHandler<I, O>} declaration. */
    static Class<?> inputType(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == RequestHandler.class) {
                Type argument = parameterized.getActualTypeArguments()[0];
                if (argument instanceof ParameterizedType generic) {
                    return (Class<?>) generic.getRawType();
                }
                return (Class<?>) argument;
            }
        }
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge()) {
                return method.getParameterTypes()[0];
            }
        }
        throw new IllegalArgumentException(handlerClass + " is not a RequestHandler");
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>)
                    LambdaEventSerializers.serializerFor(
                            type, InvokeCommand.class.getClassLoader());
        }
        return (PojoSerializer<Object>) (PojoSerializer<?>) new JacksonSerializer<>(type);
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object output) {
        if (output == null) {
            return "null";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer(output.getClass()).toJson(output, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
