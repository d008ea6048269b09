package dev.reason4j.rollout.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.rollout.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads a {@code POST /v1/completions} body. Every field OpenAI's legacy completions API and vLLM
 * define that changes what is sampled is either honoured or refused with 400 naming the field; a
 * field that changes nothing here ({@code user}, {@code return_token_ids}…) is ignored. The
 * {@code model} field may name any model: a service serves one, and trainers pointed at several
 * replicas need not know what each was started as.
 */
final class CompletionRequestParser {
    /** OpenAI's default for {@code max_tokens} on the completions endpoint. */
    static final int DEFAULT_MAX_TOKENS = 16;

    private final PromptCodec codec;
    private final int maxModelLength;
    private final LongSupplier seeds;

    /**
     * @param seeds draws the seed of a request that gave none
     */
    CompletionRequestParser(PromptCodec codec, int maxModelLength, LongSupplier seeds) {
        this.codec = codec;
        this.maxModelLength = maxModelLength;
        this.seeds = seeds;
    }

    CompletionRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        JsonNode model = body.get("model");
        if (present(model) && !model.isTextual()) {
            throw ApiException.badRequest("model", "model must be a string, got " + model);
        }
        refuseUnsupported(body);
        boolean addSpecialTokens = bool(body, "add_special_tokens", true);
        List<int[]> prompts = prompts(body.get("prompt"), addSpecialTokens);
        int n = integer(body, "n", 1, 1, Integer.MAX_VALUE);
        if (integer(body, "best_of", n, 1, Integer.MAX_VALUE) != n) {
            throw ApiException.badRequest("best_of", "best_of other than n is not supported: ask for n samples and rank them yourself");
        }
        double temperature = number(body, "temperature", 1.0);
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw ApiException.badRequest("temperature", "temperature must be ≥ 0 (0 = greedy), got " + temperature);
        }
        double topP = number(body, "top_p", 1.0);
        if (!(topP > 0 && topP <= 1)) {
            throw ApiException.badRequest("top_p", "top_p must be in (0, 1] (1 = off), got " + topP);
        }
        int topK = integer(body, "top_k", 0, -1, Integer.MAX_VALUE);
        double minP = number(body, "min_p", 0.0);
        if (!(minP >= 0 && minP < 1)) {
            throw ApiException.badRequest("min_p", "min_p must be in [0, 1) (0 = off), got " + minP);
        }
        int maxTokens = integer(body, "max_tokens", DEFAULT_MAX_TOKENS, 1, Integer.MAX_VALUE);
        checkLength(prompts, maxTokens);
        List<String> stop = stop(body.get("stop"));
        long seed = present(body.get("seed")) ? longInteger(body, "seed", 0, Long.MIN_VALUE) : seeds.getAsLong();
        boolean ignoreEos = bool(body, "ignore_eos", false);
        boolean logprobs = present(body.get("logprobs"));
        if (logprobs) {
            integer(body, "logprobs", 0, 0, Integer.MAX_VALUE);
        }
        long firstSequenceId = longInteger(body, "first_sequence_id", 0, 0);
        SamplingParams params = new SamplingParams(temperature, Math.max(topK, 0), topP, minP, maxTokens, stop, seed, ignoreEos);
        return new CompletionRequest(prompts, n, params, logprobs, firstSequenceId);
    }

    private static void refuseUnsupported(JsonNode body) {
        if (bool(body, "stream", false)) {
            throw ApiException.badRequest("stream", "stream=true is not supported: ask for the whole completion");
        }
        if (bool(body, "echo", false)) {
            throw ApiException.badRequest("echo", "echo=true is not supported: every choice already carries prompt_token_ids");
        }
        if (present(body.get("suffix"))) {
            throw ApiException.badRequest("suffix", "suffix is not supported (no insertion models here)");
        }
        JsonNode logitBias = body.get("logit_bias");
        if (present(logitBias) && !(logitBias.isObject() && logitBias.isEmpty())) {
            throw ApiException.badRequest("logit_bias", "logit_bias is not supported: it would change the policy the log-probs describe");
        }
        for (String penalty : List.of("presence_penalty", "frequency_penalty")) {
            if (present(body.get(penalty)) && number(body, penalty, 0) != 0) {
                throw ApiException.badRequest(penalty, penalty + " is not supported: leave it 0");
            }
        }
        if (present(body.get("repetition_penalty")) && number(body, "repetition_penalty", 1) != 1) {
            throw ApiException.badRequest("repetition_penalty", "repetition_penalty is not supported: leave it 1");
        }
    }

    /** A string, a list of ids, or a list of either (a batch); each becomes one prompt. */
    private List<int[]> prompts(JsonNode prompt, boolean addSpecialTokens) {
        if (!present(prompt)) {
            throw ApiException.badRequest("prompt", "prompt is required: a string, a list of token ids, or a list of either");
        }
        if (prompt.isTextual()) {
            return List.of(encode(prompt.asText(), addSpecialTokens, "prompt"));
        }
        if (!prompt.isArray() || prompt.isEmpty()) {
            throw ApiException.badRequest("prompt", "prompt must be a string, a non-empty list of token ids, or a non-empty list of either, got "
                    + abbreviate(prompt));
        }
        if (prompt.get(0).isNumber()) {
            return List.of(ids(prompt, "prompt"));
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < prompt.size(); i++) {
            JsonNode p = prompt.get(i);
            String where = "prompt[" + i + "]";
            if (p.isTextual()) {
                out.add(encode(p.asText(), addSpecialTokens, where));
            } else if (p.isArray() && !p.isEmpty()) {
                out.add(ids(p, where));
            } else {
                throw ApiException.badRequest("prompt", where + " must be a string or a non-empty list of token ids, got " + abbreviate(p));
            }
        }
        return out;
    }

    private int[] encode(String text, boolean addSpecialTokens, String where) {
        int[] ids = codec.encode(text, addSpecialTokens);
        if (ids.length == 0) {
            throw ApiException.badRequest("prompt", where + " encodes to no tokens; a prompt needs at least one");
        }
        return ids;
    }

    private int[] ids(JsonNode list, String where) {
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = list.get(i);
            if (!integral(id) || !id.canConvertToInt() || id.asInt() < 0 || id.asInt() >= codec.vocabSize()) {
                throw ApiException.badRequest("prompt", where + "[" + i + "] must be a token id in [0, " + codec.vocabSize()
                        + "), got " + abbreviate(id));
            }
            ids[i] = id.asInt();
        }
        return ids;
    }

    private void checkLength(List<int[]> prompts, int maxTokens) {
        if (maxModelLength == 0) {
            return;
        }
        for (int i = 0; i < prompts.size(); i++) {
            if ((long) prompts.get(i).length + maxTokens > maxModelLength) {
                throw ApiException.badRequest("max_tokens", "prompt" + (prompts.size() > 1 ? "[" + i + "]" : "") + " has "
                        + prompts.get(i).length + " tokens and max_tokens is " + maxTokens + ": together they exceed the model's "
                        + maxModelLength + "-token context; lower max_tokens or shorten the prompt");
            }
        }
    }

    private static List<String> stop(JsonNode stop) {
        if (!present(stop)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (stop.isTextual()) {
            out.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> {
                if (!s.isTextual()) {
                    throw ApiException.badRequest("stop", "stop must be a string or a list of strings, got " + abbreviate(stop));
                }
                out.add(s.asText());
            });
        } else {
            throw ApiException.badRequest("stop", "stop must be a string or a list of strings, got " + abbreviate(stop));
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw ApiException.badRequest("stop", "stop strings must not be empty");
        }
        return out;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean integral(JsonNode node) {
        return node.isIntegralNumber() || node.isFloatingPointNumber() && node.canConvertToExactIntegral();
    }

    private static int integer(JsonNode body, String field, int dflt, int min, int max) {
        long value = longInteger(body, field, dflt, min);
        if (value > max) {
            throw ApiException.badRequest(field, field + " must be ≤ " + max + ", got " + value);
        }
        return (int) value;
    }

    private static long longInteger(JsonNode body, String field, long dflt, long min) {
        JsonNode node = body.get(field);
        if (!present(node)) {
            return dflt;
        }
        if (!integral(node) || !node.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be an integer, got " + abbreviate(node));
        }
        long value = node.asLong();
        if (value < min) {
            throw ApiException.badRequest(field, field + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }

    private static double number(JsonNode body, String field, double dflt) {
        JsonNode node = body.get(field);
        if (!present(node)) {
            return dflt;
        }
        if (!node.isNumber()) {
            throw ApiException.badRequest(field, field + " must be a number, got " + abbreviate(node));
        }
        return node.asDouble();
    }

    private static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode node = body.get(field);
        if (!present(node)) {
            return dflt;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false, got " + abbreviate(node));
        }
        return node.asBoolean();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
