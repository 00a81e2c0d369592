package dev.cai.local;

/**
 * How the local runtime presents one function to its handler: name, configured memory and
 * timeout, as the deployed function's configuration would.
 *
 * @param name the function name in logs and contexts
 * @param memoryMb configured memory, reported to the handler and used for cost
 * @param timeoutSeconds the invocation timeout the context counts down from
 */
record LocalFunction(String name, int memoryMb, int timeoutSeconds) {

    LocalContext newContext() {
        return new LocalContext(name, memoryMb, timeoutSeconds);
    }
}
