package dev.cai.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs python3 with NumPy to read files back, for tests that check compatibility with NumPy. */
final class PythonNumpy {

    private static final String LOAD_SCRIPT =
            String.join(
                    "\n",
                    "import json, sys",
                    "import numpy as np",
                    "path = sys.argv[1]",
                    "loaded = np.load(path)",
                    "arrays = loaded.items() if hasattr(loaded, 'files') else [('array', loaded)]",
                    "out = {}",
                    "for name, value in arrays:",
                    "    out[name] = {'dtype': value.dtype.str, 'shape': list(value.shape),",
                    "                 'values': [float(v) for v in value.ravel()]}",
                    "print(json.dumps(out))");

    private PythonNumpy() {}

    /** Skips the calling test with a message when python3 or NumPy is missing. */
    static void assumeAvailable() {
        boolean available;
        try {
            available = execute(List.of("python3", "-c", "import numpy")).exitCode == 0;
        } catch (IOException e) {
            available = false;
        }
        assumeTrue(
                available,
                "python3 with numpy is not installed: `python3 -c \"import numpy\"`"
                        + " failed, so files cannot be checked against np.load");
    }

    /**
     * Loads a {@code .npz} or {@code .npy} file with {@code np.load} and returns, per array name
     * ({@code array} for a {@code .npy}), an object with {@code dtype}, {@code shape} and the
     * values in C order as doubles.
     */
    static JsonNode load(Path file) throws IOException {
        String output = run(List.of("python3", "-c", LOAD_SCRIPT, file.toString()));
        return new ObjectMapper().readTree(output);
    }

    /** Runs a command and returns its output, failing when it exits with a non-zero code. */
    static String run(List<String> command) throws IOException {
        Result result = execute(command);
        if (result.exitCode != 0) {
            throw new IOException(
                    command.get(0) + " exited with " + result.exitCode + ": " + result.output);
        }
        return result.output;
    }

    private static Result execute(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after 60 s: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    private record Result(int exitCode, String output) {}
}
