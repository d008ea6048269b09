package dev.reason4j.rollout.server;

import dev.reason4j.core.Reason4jException;

/**
 * A request the service answers with an error status and OpenAI's error body
 * {@code {"error": {"message", "type", "param", "code"}}}.
 */
public final class ApiException extends Reason4jException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;

    public ApiException(int status, String type, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
    }

    /** 400: {@code field} is missing, of the wrong type or out of range; the message names it. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_request_error", field, message);
    }

    static ApiException queueFull(int maxQueue) {
        return new ApiException(429, "rate_limit_error", null,
                "the rollout queue is full (" + maxQueue + " requests waiting); retry later or raise --max-queue");
    }

    static ApiException shuttingDown() {
        return new ApiException(503, "service_unavailable", null, "the rollout server is shutting down");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }
}
