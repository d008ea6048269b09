package dev.reason4j.rollout.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Completion;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.RolloutEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's endpoints. A completion request is parsed on the HTTP thread, queued on the
 * scheduler, and answered asynchronously when its batch is done (no thread waits for the engine).
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerOptions options;
    private final PromptCodec codec;
    private final EngineLoader loader;
    private final BatchScheduler scheduler;
    private final CompletionRequestParser parser;
    private final Executor responder;
    private final long startedAt = Instant.now().getEpochSecond();
    private final Object reloadLock = new Object();
    private volatile Path weights;

    /**
     * @param responder where finished batches are turned into responses (not the engine's thread)
     */
    ApiHandler(ServerOptions options, PromptCodec codec, EngineLoader loader, BatchScheduler scheduler, Path weights,
               Executor responder) {
        this.options = options;
        this.codec = codec;
        this.loader = loader;
        this.scheduler = scheduler;
        this.weights = weights;
        this.responder = responder;
        this.parser = new CompletionRequestParser(codec, options.maxModelLength(), () -> ThreadLocalRandom.current().nextLong());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            switch (path) {
                case "/v1/completions" -> completions(expect("POST", request), response, callback);
                case "/v1/models" -> send(response, callback, 200, models(expect("GET", request)));
                case "/health" -> health(expect("GET", request), response, callback);
                case "/v1/reload_weights" -> send(response, callback, 200, reload(expect("POST", request)));
                default -> throw new ApiException(404, "not_found_error", null, "no endpoint " + method + " " + path
                        + "; this service has POST /v1/completions, GET /v1/models, GET /health, POST /v1/reload_weights");
            }
        } catch (ApiException e) {
            sendError(response, callback, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            sendError(response, callback, internal(e));
        }
        return true;
    }

    /** @return {@code request}, once it is known to use {@code method} */
    private static Request expect(String method, Request request) {
        if (!method.equals(request.getMethod())) {
            throw new ApiException(405, "invalid_request_error", null, Request.getPathInContext(request) + " takes " + method
                    + ", not " + request.getMethod());
        }
        return request;
    }

    private void completions(Request request, Response response, Callback callback) {
        CompletionRequest parsed = parser.parse(readJson(request));
        String id = "cmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        scheduler.submit(parsed.generationRequests()).whenCompleteAsync((results, error) -> {
            if (error == null) {
                send(response, callback, 200, completionBody(id, created, parsed, results));
            } else {
                sendError(response, callback, asApiException(error));
            }
        }, responder);
    }

    private ObjectNode completionBody(String id, long created, CompletionRequest parsed, List<List<Completion>> results) {
        return CompletionResponses.completion(JSON, id, created, options.modelName(), parsed, results, codec);
    }

    private ObjectNode models(Request getModels) {
        ObjectNode out = JSON.createObjectNode();
        out.put("object", "list");
        ObjectNode model = out.putArray("data").addObject();
        model.put("id", options.modelName());
        model.put("object", "model");
        model.put("created", startedAt);
        model.put("owned_by", "reason4j");
        if (options.maxModelLength() > 0) {
            model.put("max_model_len", options.maxModelLength());
        }
        return out;
    }

    private void health(Request getHealth, Response response, Callback callback) {
        ObjectNode out = JSON.createObjectNode();
        if (scheduler.closing()) {
            out.put("status", "shutting_down");
            send(response, callback, 503, out);
            return;
        }
        out.put("status", "ok");
        out.put("model", options.modelName());
        out.put("weights", weights.toString());
        out.put("queued", scheduler.queued());
        out.put("batches", scheduler.batches());
        send(response, callback, 200, out);
    }

    /** Loads on this thread while batches go on; the engine thread swaps between two batches. */
    private ObjectNode reload(Request request) {
        JsonNode body = readJson(request);
        JsonNode pathNode = body.get("model_path");
        if (pathNode == null || !pathNode.isTextual() || pathNode.asText().isBlank()) {
            throw ApiException.badRequest("model_path", "model_path must be the checkpoint directory to load, as a string");
        }
        Path checkpoint;
        try {
            checkpoint = Path.of(pathNode.asText());
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("model_path", "model_path is not a valid path: " + e.getMessage());
        }
        synchronized (reloadLock) {
            RolloutEngine next;
            try {
                next = loader.load(checkpoint);
            } catch (Reason4jException | UncheckedIOException e) {
                throw ApiException.badRequest("model_path", "cannot load weights from " + checkpoint + ": " + e.getMessage()
                        + " (the previous weights keep serving)");
            }
            try {
                scheduler.swap(next).join();
            } catch (CompletionException e) {
                throw asApiException(e);
            }
            weights = checkpoint;
        }
        LOG.info("now serving the weights in {}", checkpoint);
        ObjectNode out = JSON.createObjectNode();
        out.put("success", true);
        out.put("message", "loaded the weights in " + checkpoint);
        out.put("model_path", checkpoint.toString());
        return out;
    }

    private static JsonNode readJson(Request request) {
        String text;
        try {
            text = Content.Source.asString(request, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "could not read the request body: " + e.getMessage());
        }
        try {
            JsonNode body = JSON.readTree(text);
            if (body == null || !body.isObject()) {
                throw ApiException.badRequest(null, "the request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ApiException asApiException(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof ApiException api ? api : internal(cause);
    }

    private static ApiException internal(Throwable cause) {
        return new ApiException(500, "internal_server_error", null, "generation failed: " + cause.getMessage());
    }

    private static void sendError(Response response, Callback callback, ApiException e) {
        send(response, callback, e.status(), CompletionResponses.error(JSON, e));
    }

    private static void send(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
