package dev.cai.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (npm package, the DynamoDB API over LevelDB in memory) in a child Node.js process on
 * 127.0.0.1. The process is destroyed by {@link #close()}, and by a shutdown hook should the test
 * JVM exit first.
 */
public final class Dynalite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts dynalite from {@code node_modules} under the repository root.
     *
     * @throws IllegalStateException when dynalite is not installed or does not start in time
     */
    public static Dynalite start(Path repositoryRoot) throws IOException, InterruptedException {
        Path cli = repositoryRoot.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    cli
                            + " not found: run `npm ci` in "
                            + repositoryRoot
                            + " to install dynalite, the DynamoDB stand-in these tests start");
        }
        int port = LocalStandIns.freePort();
        Process process =
                new ProcessBuilder(
                                "node",
                                cli.toString(),
                                "--host",
                                LocalStandIns.LOOPBACK,
                                "--port",
                                Integer.toString(port),
                                "--createTableMs",
                                "0",
                                "--deleteTableMs",
                                "0",
                                "--updateTableMs",
                                "0")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        Dynalite dynalite = new Dynalite(process, port);
        dynalite.awaitListening();
        return dynalite;
    }

    /** Returns the repository root the build passes in {@code cai.repository.root}. */
    public static Path repositoryRoot() {
        String root = System.getProperty("cai.repository.root");
        if (root == null) {
            throw new IllegalStateException(
                    "system property cai.repository.root is not set:"
                            + " run the tests through Maven, whose surefire configuration sets it");
        }
        return Path.of(root);
    }

    public URI endpoint() {
        return URI.create("http://" + LocalStandIns.LOOPBACK + ":" + port);
    }

    public AwsClients.Target target() {
        return AwsClients.Target.of(
                endpoint(),
                LocalStandIns.REGION,
                LocalStandIns.ACCESS_KEY_ID,
                LocalStandIns.SECRET_KEY);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "dynalite exited with status "
                                + process.exitValue()
                                + " before listening on port "
                                + port);
            }
            if (accepts()) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "dynalite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalStandIns.LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
