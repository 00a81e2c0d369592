package dev.cai.local.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One handler running under the Lambda runtime interface client in its own JVM, with the test
 * classpath and only the environment given: nothing is inherited from the test JVM's environment,
 * so no credentials or endpoints of the machine leak in.
 */
final class HandlerProcess implements AutoCloseable {

    private static final String RUNTIME_MAIN =
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String JNI_RESOURCE = "/jni/libaws-lambda-jni.linux-x86_64.so";

    private final Process process;
    private final Path log;

    private HandlerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the runtime for {@code handler} in {@code workDir}, where it gets its own copy of the
     * client's native library so parallel runs do not overwrite each other's.
     */
    static HandlerProcess start(String handler, Map<String, String> environment, Path workDir)
            throws IOException {
        Path jni = workDir.resolve("libaws-lambda-jni.so");
        try (InputStream in = HandlerProcess.class.getResourceAsStream(JNI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        JNI_RESOURCE
                                + " not found on the test classpath:"
                                + " the runtime interface client jar is missing");
            }
            Files.copy(in, jni, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-D" + JNI_PROPERTY + "=" + jni);
        command.add("-cp");
        command.add(testClasspath());
        command.add(RUNTIME_MAIN);
        command.add(handler);

        Path log = workDir.resolve("handler.log");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new HandlerProcess(builder.start(), log);
    }

    /** Returns the end of the handler's output, for failure messages. */
    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    // Surefire hands the test JVM a manifest-only jar, and names the real classpath here.
    private static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
