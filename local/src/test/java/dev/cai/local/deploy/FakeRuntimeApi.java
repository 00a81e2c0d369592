package dev.cai.local.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Lambda Runtime API on 127.0.0.1 that hands out one invocation and captures the runtime's reply.
 * It serves the endpoints the runtime interface client calls, at the paths of API version
 * 2018-06-01. Later calls for the next invocation wait until the server closes, as Lambda freezes
 * an idle runtime.
 */
final class FakeRuntimeApi implements AutoCloseable {

    static final String REQUEST_ID = "8f5b7c2e-3a41-4d6f-9e0b-1c2d3e4f5a6b";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:cai-test";
    private static final String BASE = "/2018-06-01/runtime";

    /** What the runtime posted: a response, an invocation error, or an initialisation error. */
    record Outcome(String kind, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String event;
    private final AtomicBoolean handedOut = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    private FakeRuntimeApi(String event) throws IOException {
        this.event = event;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(BASE + "/invocation/next", this::next);
        server.createContext(BASE + "/invocation/", this::reply);
        server.createContext(BASE + "/init/error", exchange -> capture(exchange, "init-error"));
    }

    static FakeRuntimeApi start(String event) throws IOException {
        FakeRuntimeApi api = new FakeRuntimeApi(event);
        api.server.start();
        return api;
    }

    /** Returns the value of {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits for the runtime's reply to the invocation. */
    Outcome awaitOutcome(Duration timeout) throws Exception {
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void next(HttpExchange exchange) throws IOException {
        if (handedOut.getAndSet(true)) {
            awaitClose();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void reply(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(BASE + "/invocation/" + REQUEST_ID + "/response")) {
            capture(exchange, "response");
        } else if (path.equals(BASE + "/invocation/" + REQUEST_ID + "/error")) {
            capture(exchange, "error");
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private void capture(HttpExchange exchange, String kind) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        outcome.complete(new Outcome(kind, body));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closed.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
