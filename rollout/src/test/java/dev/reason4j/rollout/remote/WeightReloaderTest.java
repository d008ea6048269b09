package dev.reason4j.rollout.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SGLang reloader against a stub that answers as SGLang's {@code /update_weights_from_disk} does. */
class WeightReloaderTest {
    private HttpServer stub;
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile String answer = "{\"success\": true, \"message\": \"Succeeded to update model weights.\"}";
    private volatile int status = 200;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }

    @Test
    void sglangIsAskedToLoadTheAbsoluteCheckpointPath() throws Exception {
        WeightReloader.sglang().reload(client, base(), Path.of("runs/x/step-10"), Duration.ofSeconds(30));
        assertEquals("/update_weights_from_disk", path.get());
        assertEquals(Path.of("runs/x/step-10").toAbsolutePath().toString(), new ObjectMapper().readTree(body.get()).get("model_path").asText());
    }

    @Test
    void aRefusalInTheBodyOrAnErrorStatusIsAnErrorNamingTheServer() {
        answer = "{\"success\": false, \"message\": \"Failed to update weights: shapes differ\"}";
        Reason4jException refused = assertThrows(Reason4jException.class,
                () -> WeightReloader.sglang().reload(client, base(), Path.of("/ckpt"), Duration.ofSeconds(30)));
        assertTrue(refused.getMessage().contains(base().toString()) && refused.getMessage().contains("shapes differ"), refused.getMessage());
        status = 500;
        answer = "Internal Server Error";
        Reason4jException failed = assertThrows(Reason4jException.class,
                () -> WeightReloader.reason4j().reload(client, base(), Path.of("/ckpt"), Duration.ofSeconds(30)));
        assertEquals("/v1/reload_weights", path.get());
        assertTrue(failed.getMessage().contains("HTTP 500"), failed.getMessage());
    }
}
