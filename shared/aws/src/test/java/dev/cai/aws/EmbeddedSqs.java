package dev.cai.aws;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ on 127.0.0.1 on a free port. */
public final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedSqs start() {
        SQSRestServer server =
                SQSRestServerBuilder.withInterface(LocalStandIns.LOOPBACK)
                        .withDynamicPort()
                        .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, port);
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
    public void close() {
        server.stopAndWait();
    }
}
