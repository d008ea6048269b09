package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.rollout.server.RolloutServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void initModel() {
        model = tmp.resolve("tiny");
        CliRun run = CliRun.of("init-model", "--arch", "qwen3", "--hidden", "32", "--layers", "2", "--heads", "4",
                "--kv-heads", "2", "--head-dim", "8", "--seed", "3", "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void serveAnnouncesItsUrlAnswersCompletionsAndReturnsZeroWhenStopped() throws Exception {
        CommandLine cli = Main.commandLine();
        ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = new Thread(() -> exit.set(cli.execute("serve", "--model", model.toString(), "--port", "0",
                "--served-model-name", "tiny", "--max-queue", "4", "--max-batch-requests", "2")), "serve-under-test");
        running.start();
        RolloutServer server = serve.awaitStarted();
        assertTrue(server != null, "serve did not start: " + err);

        JsonNode ready = JSON.readTree(out.toString().strip());
        assertEquals(server.uri().toString(), ready.get("url").asText());
        assertEquals("tiny", ready.get("model").asText());
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create(ready.get("url").asText());
        HttpResponse<String> completion = client.send(HttpRequest.newBuilder(base.resolve("/v1/completions"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"1+2=\", \"n\": 2, \"max_tokens\": 5, \"seed\": 1, \"logprobs\": 1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, completion.statusCode(), completion.body());
        JsonNode body = JSON.readTree(completion.body());
        assertEquals(2, body.get("choices").size());
        assertEquals("tiny", body.get("model").asText());
        assertTrue(body.get("choices").get(0).get("logprobs").get("tokens").get(0).asText().startsWith("token_id:"));

        serve.stop();
        running.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(running.isAlive());
        assertEquals(0, exit.get(), err.toString());
    }

    @Test
    void aMissingModelOrBadQueueSizeIsAUserError() {
        CliRun missing = CliRun.of("serve", "--model", tmp.resolve("nothing-here").toString(), "--port", "0");
        assertEquals(Main.USER_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("config.json"), missing.err());
        CliRun badQueue = CliRun.of("serve", "--model", model.toString(), "--port", "0", "--max-queue", "0");
        assertEquals(Main.USER_ERROR, badQueue.exitCode());
        assertTrue(badQueue.err().contains("--max-queue"), badQueue.err());
    }
}
