package dev.reason4j.rollout.server;

import dev.reason4j.core.Reason4jException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the rollout service listens and batches.
 *
 * @param host             interface to bind (127.0.0.1 keeps the service private to this machine)
 * @param port             TCP port; 0 picks a free one ({@link RolloutServer#port()} tells which)
 * @param modelName        the name {@code /v1/models} and every response report; requests may name any model
 * @param maxQueue         requests allowed to wait for the engine; one more gets 429
 * @param maxBatchRequests requests joined into one engine call (each with all its prompts and samples)
 * @param maxModelLength   prompt + max_tokens must fit in it (vLLM's --max-model-len); 0 = unchecked
 * @param shutdownGrace    how long a shutdown waits for the running batch and in-flight responses
 */
public record ServerOptions(String host, int port, String modelName, int maxQueue, int maxBatchRequests,
                            int maxModelLength, Duration shutdownGrace) {
    public static final int DEFAULT_MAX_QUEUE = 256;
    public static final int DEFAULT_MAX_BATCH_REQUESTS = 64;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (port < 0 || port > 65_535) {
            throw new Reason4jException("--port must be in [0, 65535] (0 = any free port), got " + port);
        }
        if (maxQueue < 1) {
            throw new Reason4jException("--max-queue must be ≥ 1, got " + maxQueue);
        }
        if (maxBatchRequests < 1) {
            throw new Reason4jException("--max-batch-requests must be ≥ 1, got " + maxBatchRequests);
        }
        if (maxModelLength < 0) {
            throw new Reason4jException("--max-model-len must be ≥ 0 (0 = unchecked), got " + maxModelLength);
        }
    }

    /** Loopback on {@code port}, default queue and batch sizes, no length check, 30 s grace. */
    public static ServerOptions of(int port, String modelName) {
        return new ServerOptions("127.0.0.1", port, modelName, DEFAULT_MAX_QUEUE, DEFAULT_MAX_BATCH_REQUESTS, 0,
                Duration.ofSeconds(30));
    }

    public ServerOptions withQueue(int newMaxQueue, int newMaxBatchRequests) {
        return new ServerOptions(host, port, modelName, newMaxQueue, newMaxBatchRequests, maxModelLength, shutdownGrace);
    }

    public ServerOptions withMaxModelLength(int length) {
        return new ServerOptions(host, port, modelName, maxQueue, maxBatchRequests, length, shutdownGrace);
    }
}
