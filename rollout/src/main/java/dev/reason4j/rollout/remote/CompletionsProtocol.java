package dev.reason4j.rollout.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.SamplingParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One {@link GenerationRequest} as an OpenAI completions call and back. The prompt goes as token ids;
 * the server is asked for token ids both ways vLLM offers them ({@code return_token_ids} puts
 * {@code token_ids} on each choice; {@code return_tokens_as_token_ids} spells logprob tokens
 * {@code token_id:<id>}), and the reader takes whichever came. Sampling fields at their "off" value
 * are left out, so servers with other conventions for "off" (vLLM's {@code top_k=-1}) are not confused.
 */
final class CompletionsProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_ID_PREFIX = "token_id:";

    private CompletionsProtocol() {
    }

    static String requestBody(String model, GenerationRequest r) {
        SamplingParams p = r.params();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        var prompt = body.putArray("prompt");
        for (int id : r.promptIds()) {
            prompt.add(id);
        }
        body.put("n", r.n());
        body.put("max_tokens", p.maxNewTokens());
        body.put("temperature", p.temperature());
        body.put("top_p", p.topP());
        if (p.topK() > 0) {
            body.put("top_k", p.topK());
        }
        if (p.minP() > 0) {
            body.put("min_p", p.minP());
        }
        if (!p.stop().isEmpty()) {
            p.stop().forEach(body.putArray("stop")::add);
        }
        body.put("seed", p.seed());
        if (p.ignoreEos()) {
            body.put("ignore_eos", true);
        }
        if (r.firstSequenceId() != 0) {
            body.put("first_sequence_id", r.firstSequenceId()); // reason4j's servers only
        }
        body.put("logprobs", 1);
        body.put("return_tokens_as_token_ids", true);
        body.put("return_token_ids", true);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the request's n completions in sample order
     * @throws Reason4jException if the body is not a completions response with token ids and log-probs for every choice
     */
    static List<Completion> parse(String body, GenerationRequest r) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Reason4jException("the response is not JSON: " + e.getOriginalMessage());
        }
        JsonNode choices = json == null ? null : json.get("choices");
        if (choices == null || !choices.isArray() || choices.size() != r.n()) {
            throw new Reason4jException("the response has " + (choices == null || !choices.isArray() ? "no choices" : choices.size() + " choices")
                    + " where " + r.n() + " were asked for");
        }
        List<JsonNode> ordered = new ArrayList<>();
        choices.forEach(ordered::add);
        ordered.sort(Comparator.comparingInt(c -> c.path("index").asInt()));
        List<Completion> out = new ArrayList<>(r.n());
        for (JsonNode choice : ordered) {
            out.add(completion(choice, r.promptIds()));
        }
        return out;
    }

    private static Completion completion(JsonNode choice, int[] promptIds) {
        JsonNode logprobs = choice.path("logprobs");
        JsonNode tokenLogProbs = logprobs.path("token_logprobs");
        if (!tokenLogProbs.isArray()) {
            throw new Reason4jException("choice " + choice.path("index") + " has no logprobs.token_logprobs; the server must honour logprobs=1");
        }
        int[] ids = tokenIds(choice, logprobs);
        if (ids.length != tokenLogProbs.size()) {
            throw new Reason4jException("choice " + choice.path("index") + " has " + ids.length + " token ids but "
                    + tokenLogProbs.size() + " log-probs");
        }
        float[] logProbs = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            JsonNode lp = tokenLogProbs.get(i);
            if (!lp.isNumber()) {
                throw new Reason4jException("choice " + choice.path("index") + " has no log-prob for token " + i);
            }
            logProbs[i] = (float) lp.asDouble();
        }
        return new Completion(promptIds, ids, choice.path("text").asText(""), logProbs,
                FinishReason.fromWire(choice.path("finish_reason").asText(null)));
    }

    /** From {@code token_ids} when present, else from {@code token_id:<id>} logprob tokens. */
    private static int[] tokenIds(JsonNode choice, JsonNode logprobs) {
        JsonNode direct = choice.get("token_ids");
        if (direct != null && direct.isArray()) {
            int[] ids = new int[direct.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = direct.get(i).asInt();
            }
            return ids;
        }
        JsonNode tokens = logprobs.path("tokens");
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            String token = tokens.get(i).asText("");
            if (!token.startsWith(TOKEN_ID_PREFIX)) {
                throw new Reason4jException("choice " + choice.path("index") + " spells token " + i + " as \"" + token
                        + "\", not token_id:<id>; start vLLM with --return-tokens-as-token-ids (or use one that honours return_token_ids)");
            }
            try {
                ids[i] = Integer.parseInt(token.substring(TOKEN_ID_PREFIX.length()));
            } catch (NumberFormatException e) {
                throw new Reason4jException("choice " + choice.path("index") + " has a malformed token \"" + token + "\"");
            }
        }
        return ids;
    }

    /** The {@code error.message} of an error body (OpenAI's shape), its {@code message}, or the body itself, shortened. */
    static String errorMessage(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("error").path("message").isTextual()) {
                return json.path("error").path("message").asText();
            }
            if (json != null && json.path("message").isTextual()) {
                return json.path("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the raw body
        }
        String s = body == null ? "" : body.strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
