package dev.cai.local.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that an AWS region is configured before any client is built. */
final class AwsRegion {

    private AwsRegion() {}

    /**
     * Throws when no region is set in the environment, the {@code aws.region} property or an AWS
     * config file, so that a command fails with one clear line instead of the SDK's chain error.
     */
    static void require() {
        boolean set =
                isSet(System.getenv("AWS_REGION"))
                        || isSet(System.getenv("AWS_DEFAULT_REGION"))
                        || isSet(System.getProperty("aws.region"))
                        || isSet(System.getenv("AWS_PROFILE"))
                        || isSet(System.getenv("AWS_CONFIG_FILE"))
                        || Files.exists(Path.of(System.getProperty("user.home"), ".aws", "config"));
        if (!set) {
            throw new IllegalStateException(
                    "no AWS region is set: set AWS_REGION (or pass --region to commands that"
                            + " take it), or configure a profile with aws configure");
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
