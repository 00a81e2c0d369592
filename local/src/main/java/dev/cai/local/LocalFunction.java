package dev.cai.local;

/**
 * The configuration the local runtime gives one function: name, memory and timeout, as the deployed
 * function has them.
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
