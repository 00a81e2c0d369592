package dev.cai.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Settings shared by the embedded stand-ins: loopback only, fixed test credentials. */
public final class LocalStandIns {

    /** The region every test client signs for; stand-ins accept any. */
    public static final String REGION = "us-east-1";

    public static final String ACCESS_KEY_ID = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String LOOPBACK = "127.0.0.1";

    private LocalStandIns() {}

    /** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
