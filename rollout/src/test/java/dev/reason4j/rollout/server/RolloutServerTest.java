package dev.reason4j.rollout.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Queueing, batching, reload and shutdown, with a scripted engine standing in for the model. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RolloutServerTest {
    @TempDir
    static Path dir;
    static Tokenizer tokenizer;
    RolloutServer server;

    @BeforeAll
    static void tokenizer() {
        SyntheticTokenizer.write(dir);
        tokenizer = Tokenizer.load(dir);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RolloutServer serve(ScriptedEngine engine, int maxQueue, int maxBatchRequests) {
        server = RolloutServer.start(ServerOptions.of(0, "tiny").withQueue(maxQueue, maxBatchRequests),
                PromptCodec.of(tokenizer, tokenizer.vocabSize()), checkpoint -> engine, dir);
        return server;
    }

    private static String request(String prompt, int n) {
        return "{\"prompt\": " + prompt + ", \"n\": " + n + ", \"max_tokens\": 2, \"seed\": 5}";
    }

    @Test
    void requestsThatArriveWhileABatchRunsAreServedTogetherInTheNextBatch() {
        ScriptedEngine engine = ScriptedEngine.gated(3);
        serve(engine, 16, 3);
        CompletableFuture<Http.Reply> first = Http.postAsync(server.uri(), "/v1/completions", request("[1]", 1));
        Http.await(() -> engine.entered.getCount() == 0, "the first batch runs");
        List<String> prompts = List.of("[[2], [3, 3]]", "[4]", "[5]", "[6]");
        List<CompletableFuture<Http.Reply>> waiting = new ArrayList<>();
        for (String p : prompts) {
            waiting.add(Http.postAsync(server.uri(), "/v1/completions", request(p, 2)));
            int queued = waiting.size();
            Http.await(() -> server.queued() == queued, queued + " requests are queued, in the order sent");
        }
        engine.release();
        assertEquals(200, first.join().status());
        waiting.forEach(CompletableFuture::join); // the batch sizes are only final once every request is answered
        // The second batch takes three waiting requests (four prompts: the first request has two); the last waits for the third.
        assertEquals(List.of(1, 4, 1), engine.batchSizes());
        assertEquals(3, server.batches());
        JsonNode twoPrompts = waiting.get(0).join().body();
        assertEquals(4, twoPrompts.path("choices").size(), "2 prompts x n=2");
        assertEquals("[2]", twoPrompts.path("choices").get(1).path("prompt_token_ids").toString());
        assertEquals("[3,3]", twoPrompts.path("choices").get(2).path("prompt_token_ids").toString());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, twoPrompts.path("choices").get(i).path("index").asInt(), "choices are numbered prompt x n + sample");
        }
        for (int i = 1; i < prompts.size(); i++) {
            JsonNode body = waiting.get(i).join().body();
            assertEquals("[" + (i + 3) + "]", body.path("choices").get(0).path("prompt_token_ids").toString(),
                    "each request gets its own prompt's completions back");
        }
    }

    @Test
    void aFullQueueGets429AndTheQueuedRequestsStillComplete() {
        ScriptedEngine engine = ScriptedEngine.gated(3);
        serve(engine, 2, 64);
        CompletableFuture<Http.Reply> running = Http.postAsync(server.uri(), "/v1/completions", request("[1]", 1));
        Http.await(() -> engine.entered.getCount() == 0, "the first batch runs");
        List<CompletableFuture<Http.Reply>> queued = List.of(
                Http.postAsync(server.uri(), "/v1/completions", request("[2]", 1)),
                Http.postAsync(server.uri(), "/v1/completions", request("[3]", 1)));
        Http.await(() -> server.queued() == 2, "two requests wait");
        Http.Reply rejected = Http.post(server.uri(), "/v1/completions", request("[4]", 1));
        assertEquals(429, rejected.status());
        assertEquals("rate_limit_error", rejected.body().path("error").path("type").asText());
        assertTrue(rejected.errorMessage().contains("--max-queue"), rejected.errorMessage());
        engine.release();
        assertEquals(200, running.join().status());
        queued.forEach(q -> assertEquals(200, q.join().status()));
        assertEquals(List.of(1, 2), engine.batchSizes());
    }

    @Test
    void aRequestThatFailsGets500WithoutFailingTheOthersInItsBatch() {
        ScriptedEngine engine = ScriptedEngine.gated(3);
        serve(engine, 8, 8);
        CompletableFuture<Http.Reply> first = Http.postAsync(server.uri(), "/v1/completions", request("[1]", 1));
        Http.await(() -> engine.entered.getCount() == 0, "the first batch runs");
        CompletableFuture<Http.Reply> poisoned = Http.postAsync(server.uri(), "/v1/completions",
                "{\"prompt\": [2], \"seed\": " + ScriptedEngine.POISON_SEED + "}");
        CompletableFuture<Http.Reply> healthy = Http.postAsync(server.uri(), "/v1/completions", request("[3]", 1));
        Http.await(() -> server.queued() == 2, "both wait");
        engine.release();
        assertEquals(200, first.join().status());
        assertEquals(500, poisoned.join().status());
        assertTrue(poisoned.join().errorMessage().contains("scripted failure"), poisoned.join().errorMessage());
        assertEquals(200, healthy.join().status());
    }

    @Test
    void modelsAndHealthDescribeTheService() {
        serve(ScriptedEngine.answering(1), 4, 4);
        Http.Reply models = Http.get(server.uri(), "/v1/models");
        assertEquals(200, models.status());
        assertEquals("list", models.body().path("object").asText());
        assertEquals("tiny", models.body().path("data").get(0).path("id").asText());
        assertEquals("model", models.body().path("data").get(0).path("object").asText());
        Http.Reply health = Http.get(server.uri(), "/health");
        assertEquals(200, health.status());
        assertEquals("ok", health.body().path("status").asText());
        assertEquals(dir.toString(), health.body().path("weights").asText());
        assertEquals(0, health.body().path("queued").asInt());
    }

    @Test
    void reloadSwapsTheEngineAndABadPathGets400WhileTheOldWeightsKeepServing() {
        ScriptedEngine first = ScriptedEngine.answering(1);
        ScriptedEngine second = ScriptedEngine.answering(2);
        Map<String, ScriptedEngine> byName = Map.of("first", first, "second", second);
        server = RolloutServer.start(ServerOptions.of(0, "tiny"), PromptCodec.of(tokenizer, tokenizer.vocabSize()), checkpoint -> {
            ScriptedEngine e = byName.get(checkpoint.getFileName().toString());
            if (e == null) {
                throw new Reason4jException("no config.json in " + checkpoint);
            }
            return e;
        }, Path.of("first"));
        assertEquals("1:0", text(Http.post(server.uri(), "/v1/completions", request("[1]", 1))));

        Http.Reply bad = Http.post(server.uri(), "/v1/reload_weights", "{\"model_path\": \"/nowhere/missing\"}");
        assertEquals(400, bad.status());
        assertEquals("model_path", bad.body().path("error").path("param").asText());
        assertTrue(bad.errorMessage().contains("/nowhere/missing") && bad.errorMessage().contains("no config.json"), bad.errorMessage());
        assertEquals("1:0", text(Http.post(server.uri(), "/v1/completions", request("[1]", 1))));
        assertFalse(first.closed());
        assertEquals(400, Http.post(server.uri(), "/v1/reload_weights", "{}").status());

        Http.Reply good = Http.post(server.uri(), "/v1/reload_weights", "{\"model_path\": \"second\"}");
        assertEquals(200, good.status(), good.body().toString());
        assertTrue(good.body().path("success").asBoolean());
        assertTrue(first.closed(), "the replaced engine is closed");
        assertEquals("2:0", text(Http.post(server.uri(), "/v1/completions", request("[1]", 1))));
        assertEquals("second", Http.get(server.uri(), "/health").body().path("weights").asText());
    }

    private static String text(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body().toString());
        return reply.body().path("choices").get(0).path("text").asText();
    }

    @Test
    void shutdownFinishesTheRunningBatchRejectsTheRestAndLeavesNoThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ScriptedEngine engine = ScriptedEngine.gated(3);
        serve(engine, 8, 8);
        CompletableFuture<Http.Reply> running = Http.postAsync(server.uri(), "/v1/completions", request("[1]", 1));
        Http.await(() -> engine.entered.getCount() == 0, "the first batch runs");
        CompletableFuture<Http.Reply> queued = Http.postAsync(server.uri(), "/v1/completions", request("[2]", 1));
        Http.await(() -> server.queued() == 1, "a request waits");

        Thread closer = new Thread(server::close, "test-closer");
        closer.start();
        Http.await(() -> Http.get(server.uri(), "/health").status() == 503, "the server says it is shutting down");
        assertEquals(503, queued.join().status(), "a queued request is turned away");
        assertEquals(503, Http.post(server.uri(), "/v1/completions", request("[3]", 1)).status(), "so is a new one");
        engine.release();
        Http.Reply finished = running.join();
        assertEquals(200, finished.status(), "the running batch is answered");
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.isAlive());
        assertTrue(engine.closed());
        Http.await(() -> newRolloutThreads(before).isEmpty(), "every rollout-* thread the server started has ended");
    }

    private static Set<String> newRolloutThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("rollout-"))
                .map(Thread::getName).collect(Collectors.toSet());
    }
}
