package dev.reason4j.rollout.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reloads by posting {@code {"model_path": DIR}} to a fixed path; a 2xx answer whose JSON body does
 * not say {@code "success": false} (SGLang's way of refusing) counts as done.
 */
final class ModelPathReloader implements WeightReloader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;

    ModelPathReloader(String path) {
        this.path = path;
    }

    @Override
    public void reload(HttpClient client, URI server, Path checkpoint, Duration timeout) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("model_path", checkpoint.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        URI target = URI.create(server + path);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Reason4jException("could not ask " + server + " to reload " + checkpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Reason4jException("interrupted while " + server + " was reloading " + checkpoint, e);
        }
        if (response.statusCode() / 100 != 2 || refused(response.body())) {
            throw new Reason4jException(server + " did not reload " + checkpoint + " (HTTP " + response.statusCode() + "): "
                    + CompletionsProtocol.errorMessage(response.body()));
        }
    }

    private static boolean refused(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.path("success").isBoolean() && !json.path("success").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }
}
