package dev.cai.loadtest.sweep;

/** The environment a sweep runs its jobs in. */
public enum Target {
    /** The local runtime with its embedded stand-ins for SQS, S3 and DynamoDB. */
    LOCAL,
    /** A deployed stack on AWS. */
    AWS
}
