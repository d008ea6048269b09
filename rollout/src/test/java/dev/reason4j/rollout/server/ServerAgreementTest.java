package dev.reason4j.rollout.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.Completion;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The server, on a real (tiny) model, gives exactly what the local engine gives for the same seeded request. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerAgreementTest {
    @TempDir
    static Path dir;
    static TinyModels models;
    static RolloutServer server;

    @BeforeAll
    static void start() {
        models = new TinyModels(dir);
        server = models.serveA();
    }

    @AfterAll
    static void stop() {
        server.close();
        models.close();
    }

    static Stream<Arguments> samplingSettings() {
        return Stream.of(
                Arguments.of("\"temperature\": 0.9, \"top_p\": 0.95", new SamplingParams(0.9, 0, 0.95, 0.0, 24, List.of(), 1234)),
                Arguments.of("\"temperature\": 1.3, \"top_k\": 20, \"min_p\": 0.02",
                        new SamplingParams(1.3, 20, 1.0, 0.02, 24, List.of(), 1234)),
                Arguments.of("\"temperature\": 0", new SamplingParams(0, 0, 1.0, 0.0, 24, List.of(), 1234)),
                Arguments.of("\"temperature\": 0.7, \"ignore_eos\": true",
                        new SamplingParams(0.7, 0, 1.0, 0.0, 24, List.of(), 1234, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplingSettings")
    void aSeededIdPromptGetsTheLocalEnginesTokensAndLogProbs(String settings, SamplingParams params) {
        int[] prompt = models.tokenizer.encode("Q: 12+7=?", false);
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", "{\"model\": \"tiny\", \"prompt\": " + Arrays.toString(prompt)
                + ", \"n\": 3, \"max_tokens\": 24, \"seed\": 1234, \"logprobs\": 1, " + settings + "}");
        List<Completion> local = models.localA().generate(List.of(new GenerationRequest(prompt, 3, params))).get(0);
        assertMatches(reply, List.of(local), true);
    }

    @Test
    void aTextPromptIsTokenizedWithSpecialTokensAsVllmDoes() {
        String text = "Q: 3*4=?";
        Http.Reply reply = Http.post(server.uri(), "/v1/completions",
                "{\"prompt\": \"" + text + "\", \"n\": 2, \"max_tokens\": 16, \"seed\": 9, \"logprobs\": 0}");
        SamplingParams params = new SamplingParams(1.0, 0, 1.0, 0.0, 16, List.of(), 9);
        int[] ids = models.tokenizer.encode(text, true);
        assertMatches(reply, models.localA().generate(List.of(new GenerationRequest(ids, 2, params))), true);
    }

    @Test
    void aBatchOfPromptsAnswersEachAsItsOwnRequestWouldBe() {
        int[] second = models.tokenizer.encode("a longer second prompt, 1+2+3=?", false);
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", "{\"prompt\": [\"first\", " + Arrays.toString(second)
                + "], \"n\": 2, \"max_tokens\": 12, \"seed\": 77, \"temperature\": 0.8}");
        SamplingParams params = new SamplingParams(0.8, 0, 1.0, 0.0, 12, List.of(), 77);
        LocalRolloutEngine local = models.localA();
        List<List<Completion>> expected = List.of(
                local.generate(List.of(new GenerationRequest(models.tokenizer.encode("first", true), 2, params))).get(0),
                local.generate(List.of(new GenerationRequest(second, 2, params))).get(0));
        assertMatches(reply, expected, false);
        assertTrue(reply.body().path("choices").get(0).path("logprobs").isNull(), "no logprobs unless asked for");
    }

    @Test
    void aStopStringCutsTheTextAsLocallyAndSaysStop() {
        int[] prompt = models.tokenizer.encode("stop here", false);
        String base = "{\"prompt\": " + Arrays.toString(prompt) + ", \"max_tokens\": 24, \"seed\": 3, \"ignore_eos\": true, \"logprobs\": 1";
        String free = Http.post(server.uri(), "/v1/completions", base + "}").body().path("choices").get(0).path("text").asText();
        String stop = free.substring(8, 10);
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", base + ", \"stop\": " + Http.JSON.valueToTree(stop) + "}");
        SamplingParams params = new SamplingParams(1.0, 0, 1.0, 0.0, 24, List.of(stop), 3, true);
        assertMatches(reply, models.localA().generate(List.of(new GenerationRequest(prompt, 1, params))), true);
        JsonNode choice = reply.body().path("choices").get(0);
        assertEquals("stop", choice.path("finish_reason").asText());
        assertFalse(choice.path("text").asText().contains(stop));
    }

    @Test
    void requestsWithoutASeedDrawTheirOwn() {
        String body = "{\"prompt\": [40, 41, 42], \"max_tokens\": 24, \"ignore_eos\": true}";
        JsonNode a = Http.post(server.uri(), "/v1/completions", body).body().path("choices").get(0).path("token_ids");
        JsonNode b = Http.post(server.uri(), "/v1/completions", body).body().path("choices").get(0).path("token_ids");
        assertEquals(24, a.size());
        assertNotEquals(a, b);
    }

    @Test
    void reloadChangesTheWeightsServedAndABadPathKeepsThem() {
        int[] prompt = models.tokenizer.encode("Q: 5+5=?", false);
        String body = "{\"prompt\": " + Arrays.toString(prompt) + ", \"n\": 2, \"max_tokens\": 16, \"seed\": 21, \"logprobs\": 1}";
        SamplingParams params = new SamplingParams(1.0, 0, 1.0, 0.0, 16, List.of(), 21);
        List<List<Completion>> onA = models.localA().generate(List.of(new GenerationRequest(prompt, 2, params)));
        List<List<Completion>> onB = models.localB().generate(List.of(new GenerationRequest(prompt, 2, params)));
        assertFalse(Arrays.equals(onA.get(0).get(0).logProbs(), onB.get(0).get(0).logProbs()), "the two models differ");
        try (RolloutServer reloadable = models.serveA()) {
            assertMatches(Http.post(reloadable.uri(), "/v1/completions", body), onA, true);

            Http.Reply reloaded = Http.post(reloadable.uri(), "/v1/reload_weights", "{\"model_path\": \"" + models.dirB + "\"}");
            assertEquals(200, reloaded.status(), reloaded.body().toString());
            assertMatches(Http.post(reloadable.uri(), "/v1/completions", body), onB, true);

            Path missing = dir.resolve("no-such-checkpoint");
            Http.Reply bad = Http.post(reloadable.uri(), "/v1/reload_weights", "{\"model_path\": \"" + missing + "\"}");
            assertEquals(400, bad.status());
            assertTrue(bad.errorMessage().contains(missing.toString()), bad.errorMessage());
            assertMatches(Http.post(reloadable.uri(), "/v1/completions", body), onB, true);
            assertEquals(models.dirB.toString(), Http.get(reloadable.uri(), "/health").body().path("weights").asText());
        }
    }

    /** The response holds {@code expected[p][s]} as choice p × n + s: ids, log-probs within 1e-6, text, finish reason. */
    static void assertMatches(Http.Reply reply, List<List<Completion>> expected, boolean withLogprobs) {
        assertEquals(200, reply.status(), reply.body().toString());
        JsonNode body = reply.body();
        assertEquals("text_completion", body.path("object").asText());
        assertTrue(body.path("id").asText().startsWith("cmpl-"));
        assertEquals("tiny", body.path("model").asText());
        JsonNode choices = body.path("choices");
        int n = expected.get(0).size();
        assertEquals(expected.size() * n, choices.size());
        long promptTokens = 0;
        long completionTokens = 0;
        for (int p = 0; p < expected.size(); p++) {
            promptTokens += expected.get(p).get(0).promptIds().length;
            for (int s = 0; s < n; s++) {
                Completion c = expected.get(p).get(s);
                completionTokens += c.length();
                JsonNode choice = choices.get(p * n + s);
                String where = "choice " + (p * n + s);
                assertEquals(p * n + s, choice.path("index").asInt());
                assertEquals(Arrays.toString(c.promptIds()), ints(choice.path("prompt_token_ids")), where);
                assertEquals(Arrays.toString(c.completionIds()), ints(choice.path("token_ids")), where);
                assertEquals(c.text(), choice.path("text").asText(), where);
                assertEquals(c.finishReason().wire(), choice.path("finish_reason").asText(), where);
                if (withLogprobs) {
                    JsonNode lp = choice.path("logprobs");
                    assertTrue(lp.path("top_logprobs").isNull());
                    assertEquals(c.length(), lp.path("tokens").size());
                    assertEquals(c.length(), lp.path("text_offset").size());
                    for (int t = 0; t < c.length(); t++) {
                        assertEquals("token_id:" + c.completionIds()[t], lp.path("tokens").get(t).asText(), where);
                        assertEquals(c.logProbs()[t], lp.path("token_logprobs").get(t).asDouble(), 1e-6, where + " token " + t);
                        assertTrue(t == 0 ? lp.path("text_offset").get(t).asInt() == 0
                                : lp.path("text_offset").get(t).asInt() >= lp.path("text_offset").get(t - 1).asInt());
                    }
                }
            }
        }
        assertEquals(promptTokens, body.path("usage").path("prompt_tokens").asLong());
        assertEquals(completionTokens, body.path("usage").path("completion_tokens").asLong());
        assertEquals(promptTokens + completionTokens, body.path("usage").path("total_tokens").asLong());
    }

    private static String ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return Arrays.toString(out);
    }
}
