package dev.cai.aws;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** S3Proxy on 127.0.0.1 with an in-memory blob store, checking V4 signatures. */
public final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;

    private EmbeddedS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static EmbeddedS3 start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", LocalStandIns.ACCESS_KEY_ID);
        properties.setProperty("jclouds.credential", LocalStandIns.SECRET_KEY);
        S3Proxy proxy =
                S3Proxy.builder()
                        .blobStore(BlobStores.create("transient", properties))
                        .endpoint(URI.create("http://" + LocalStandIns.LOOPBACK + ":0"))
                        .awsAuthentication(
                                AuthenticationType.AWS_V2_OR_V4,
                                LocalStandIns.ACCESS_KEY_ID,
                                LocalStandIns.SECRET_KEY)
                        .build();
        proxy.start();
        return new EmbeddedS3(proxy);
    }

    public URI endpoint() {
        return URI.create("http://" + LocalStandIns.LOOPBACK + ":" + proxy.getPort());
    }

    public AwsClients.Target target() {
        return AwsClients.Target.of(
                endpoint(),
                LocalStandIns.REGION,
                LocalStandIns.ACCESS_KEY_ID,
                LocalStandIns.SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
