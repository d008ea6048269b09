package dev.reason4j.rollout.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed field gets 400 in OpenAI's error shape, naming the field, and never reaches the engine. */
class CompletionRequestValidationTest {
    @TempDir
    static Path dir;
    static Tokenizer tokenizer;
    static ScriptedEngine engine;
    static RolloutServer server;

    @BeforeAll
    static void start() {
        SyntheticTokenizer.write(dir);
        tokenizer = Tokenizer.load(dir);
        engine = ScriptedEngine.answering(7);
        server = RolloutServer.start(ServerOptions.of(0, "tiny").withMaxModelLength(64),
                PromptCodec.of(tokenizer, tokenizer.vocabSize()), checkpoint -> engine, dir);
    }

    @AfterAll
    static void stop() {
        server.close();
        tokenizer.close();
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{}                                              | prompt",
            "{'prompt': 5}                                   | prompt",
            "{'prompt': null}                                | prompt",
            "{'prompt': []}                                  | prompt",
            "{'prompt': ''}                                  | prompt",
            "{'prompt': [1, 'a']}                            | prompt",
            "{'prompt': [1, 2.5]}                            | prompt",
            "{'prompt': [-1]}                                | prompt",
            "{'prompt': [999999]}                            | prompt",
            "{'prompt': [[1, 2], 7]}                         | prompt",
            "{'prompt': [[1, 2], []]}                        | prompt",
            "{'prompt': 'hi', 'model': 5}                    | model",
            "{'prompt': 'hi', 'n': 0}                        | n",
            "{'prompt': 'hi', 'n': '2'}                      | n",
            "{'prompt': 'hi', 'n': 2.5}                      | n",
            "{'prompt': 'hi', 'temperature': -0.1}           | temperature",
            "{'prompt': 'hi', 'temperature': 'hot'}          | temperature",
            "{'prompt': 'hi', 'top_p': 0}                    | top_p",
            "{'prompt': 'hi', 'top_p': 1.5}                  | top_p",
            "{'prompt': 'hi', 'top_k': -2}                   | top_k",
            "{'prompt': 'hi', 'top_k': 1.5}                  | top_k",
            "{'prompt': 'hi', 'min_p': 1}                    | min_p",
            "{'prompt': 'hi', 'min_p': -0.5}                 | min_p",
            "{'prompt': 'hi', 'max_tokens': 0}               | max_tokens",
            "{'prompt': 'hi', 'max_tokens': 'many'}          | max_tokens",
            "{'prompt': 'hi', 'max_tokens': 64}              | max_tokens",
            "{'prompt': 'hi', 'stop': 5}                     | stop",
            "{'prompt': 'hi', 'stop': ['']}                  | stop",
            "{'prompt': 'hi', 'stop': ['a', 1]}              | stop",
            "{'prompt': 'hi', 'seed': 'x'}                   | seed",
            "{'prompt': 'hi', 'seed': 1.5}                   | seed",
            "{'prompt': 'hi', 'seed': 1e30}                  | seed",
            "{'prompt': 'hi', 'logprobs': -1}                | logprobs",
            "{'prompt': 'hi', 'logprobs': true}              | logprobs",
            "{'prompt': 'hi', 'ignore_eos': 'yes'}           | ignore_eos",
            "{'prompt': 'hi', 'add_special_tokens': 1}       | add_special_tokens",
            "{'prompt': 'hi', 'first_sequence_id': -1}       | first_sequence_id",
            "{'prompt': 'hi', 'stream': true}                | stream",
            "{'prompt': 'hi', 'echo': true}                  | echo",
            "{'prompt': 'hi', 'suffix': 'x'}                 | suffix",
            "{'prompt': 'hi', 'best_of': 3}                  | best_of",
            "{'prompt': 'hi', 'logit_bias': {'1': 5}}        | logit_bias",
            "{'prompt': 'hi', 'presence_penalty': 0.5}       | presence_penalty",
            "{'prompt': 'hi', 'frequency_penalty': 0.5}      | frequency_penalty",
            "{'prompt': 'hi', 'repetition_penalty': 1.2}     | repetition_penalty",
    })
    void aBadFieldGets400NamingIt(String body, String field) {
        int batchesBefore = engine.batches.size();
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", body.replace('\'', '"'));
        assertEquals(400, reply.status(), reply.body().toString());
        assertEquals("invalid_request_error", reply.body().path("error").path("type").asText());
        assertEquals(field, reply.body().path("error").path("param").asText());
        assertEquals(400, reply.body().path("error").path("code").asInt());
        assertTrue(reply.errorMessage().contains(field), reply.errorMessage());
        assertEquals(batchesBefore, engine.batches.size(), "a bad request must not reach the engine");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json at all", "[1, 2, 3]", "\"just a string\""})
    void aBodyThatIsNotAJsonObjectGets400(String body) {
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", body);
        assertEquals(400, reply.status());
        assertTrue(reply.errorMessage().contains("JSON"), reply.errorMessage());
    }

    @Test
    void fieldsThatChangeNothingAndAnyModelNameAreAccepted() {
        Http.Reply reply = Http.post(server.uri(), "/v1/completions", """
                {"model": "some-other-name", "prompt": [1, 2], "user": "me", "presence_penalty": 0, "best_of": 1,
                 "logit_bias": {}, "stream": false, "echo": false, "top_k": -1, "return_tokens_as_token_ids": true,
                 "return_token_ids": true, "max_tokens": 62, "stop": null, "seed": null}""");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("tiny", reply.body().path("model").asText(), "responses name the served model");
    }

    @Test
    void unknownPathsAndWrongMethodsGetOpenAiErrors() {
        Http.Reply missing = Http.get(server.uri(), "/v1/chat/completions");
        assertEquals(404, missing.status());
        assertTrue(missing.errorMessage().contains("/v1/completions"), missing.errorMessage());
        Http.Reply wrongMethod = Http.get(server.uri(), "/v1/completions");
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.errorMessage().contains("POST"), wrongMethod.errorMessage());
    }
}
