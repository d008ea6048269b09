package dev.reason4j.rollout.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.SamplingParams;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format on its own: what is sent, and how vLLM-style answers are read back. */
class CompletionsProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GenerationRequest TWO = new GenerationRequest(new int[] {5, 6}, 2, SamplingParams.of(8, 11));

    @Test
    void theRequestCarriesIdsSeedAndAsksForTokenIdsLeavingOffSettingsOut() throws Exception {
        JsonNode plain = JSON.readTree(CompletionsProtocol.requestBody("m", TWO));
        assertEquals("[5,6]", plain.get("prompt").toString());
        assertEquals(2, plain.get("n").asInt());
        assertEquals(11, plain.get("seed").asLong());
        assertEquals(8, plain.get("max_tokens").asInt());
        assertEquals(1, plain.get("logprobs").asInt());
        assertTrue(plain.get("return_tokens_as_token_ids").asBoolean() && plain.get("return_token_ids").asBoolean());
        for (String off : List.of("top_k", "min_p", "stop", "ignore_eos", "first_sequence_id")) {
            assertFalse(plain.has(off), off + " is left out at its off value");
        }
        GenerationRequest all = new GenerationRequest(new int[] {1}, 1,
                new SamplingParams(0.5, 7, 0.9, 0.1, 4, List.of("\n\n"), -3, true), 9);
        JsonNode full = JSON.readTree(CompletionsProtocol.requestBody("m", all));
        assertEquals(7, full.get("top_k").asInt());
        assertEquals(0.1, full.get("min_p").asDouble());
        assertEquals("[\"\\n\\n\"]", full.get("stop").toString());
        assertTrue(full.get("ignore_eos").asBoolean());
        assertEquals(9, full.get("first_sequence_id").asLong());
        assertEquals(-3, full.get("seed").asLong());
    }

    @Test
    void aVllmAnswerWithoutTokenIdsIsReadFromTokenIdSpellingsInIndexOrder() {
        String body = """
                {"choices": [
                  {"index": 1, "text": "b", "finish_reason": "length",
                   "logprobs": {"tokens": ["token_id:9", "token_id:10"], "token_logprobs": [-0.5, -0.25], "top_logprobs": [{"x": -0.1}, {"y": -0.2}]}},
                  {"index": 0, "text": "a", "finish_reason": "stop",
                   "logprobs": {"tokens": ["token_id:7"], "token_logprobs": [-1.5], "top_logprobs": null}}
                ]}""";
        List<Completion> out = CompletionsProtocol.parse(body, TWO);
        assertArrayEquals(new int[] {7}, out.get(0).completionIds());
        assertEquals(FinishReason.STOP, out.get(0).finishReason());
        assertArrayEquals(new int[] {9, 10}, out.get(1).completionIds());
        assertArrayEquals(new float[] {-0.5f, -0.25f}, out.get(1).logProbs());
        assertEquals("b", out.get(1).text());
        assertArrayEquals(new int[] {5, 6}, out.get(1).promptIds());
    }

    @Test
    void textSpelledTokensWithoutIdsAreRefusedWithTheFix() {
        String body = """
                {"choices": [{"index": 0, "text": "a", "finish_reason": "stop", "logprobs": {"tokens": ["a"], "token_logprobs": [-1.0]}},
                             {"index": 1, "text": "a", "finish_reason": "stop", "logprobs": {"tokens": ["a"], "token_logprobs": [-1.0]}}]}""";
        Reason4jException e = assertThrows(Reason4jException.class, () -> CompletionsProtocol.parse(body, TWO));
        assertTrue(e.getMessage().contains("--return-tokens-as-token-ids"), e.getMessage());
    }

    @Test
    void missingLogProbsOrTheWrongNumberOfChoicesAreRefused() {
        String noLogprobs = "{\"choices\": [{\"index\": 0, \"text\": \"\", \"finish_reason\": \"stop\", \"token_ids\": [1], \"logprobs\": null},"
                + "{\"index\": 1, \"text\": \"\", \"finish_reason\": \"stop\", \"token_ids\": [1], \"logprobs\": null}]}";
        assertTrue(assertThrows(Reason4jException.class, () -> CompletionsProtocol.parse(noLogprobs, TWO))
                .getMessage().contains("logprobs"));
        assertTrue(assertThrows(Reason4jException.class, () -> CompletionsProtocol.parse("{\"choices\": []}", TWO))
                .getMessage().contains("0 choices where 2"));
        assertTrue(assertThrows(Reason4jException.class, () -> CompletionsProtocol.parse("<html>", TWO))
                .getMessage().contains("not JSON"));
    }

    @Test
    void errorMessagesAreTakenFromOpenAiAndPlainShapes() {
        assertEquals("bad n", CompletionsProtocol.errorMessage("{\"error\": {\"message\": \"bad n\"}}"));
        assertEquals("nope", CompletionsProtocol.errorMessage("{\"object\": \"error\", \"message\": \"nope\"}"));
        assertEquals("Internal Server Error", CompletionsProtocol.errorMessage("Internal Server Error\n"));
    }

    @Test
    void baseUrlsMayEndWithSlashOrV1() {
        assertEquals(URI.create("http://h:1"), Endpoint.normalise(URI.create("http://h:1/v1/")));
        assertEquals(URI.create("http://h:1/proxy"), Endpoint.normalise(URI.create("http://h:1/proxy/")));
    }
}
