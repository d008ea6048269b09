package dev.reason4j.rollout.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Completion;
import java.util.List;

/**
 * Writes completions in OpenAI's completions shape, with vLLM's token-id extensions: tokens spelled
 * {@code token_id:<id>} (as with {@code return_tokens_as_token_ids}) and {@code prompt_token_ids} /
 * {@code token_ids} on every choice (as with {@code return_token_ids}), so a client needs no tokenizer.
 */
final class CompletionResponses {
    /** How vLLM spells a token when asked for ids instead of text. */
    static final String TOKEN_ID_PREFIX = "token_id:";

    private CompletionResponses() {
    }

    /**
     * @param results per prompt, its n completions; choice {@code index} is prompt × n + sample, as vLLM numbers them
     */
    static ObjectNode completion(ObjectMapper json, String id, long created, String model, CompletionRequest request,
                                 List<List<Completion>> results, PromptCodec codec) {
        ObjectNode out = json.createObjectNode();
        out.put("id", id);
        out.put("object", "text_completion");
        out.put("created", created);
        out.put("model", model);
        ArrayNode choices = out.putArray("choices");
        long promptTokens = 0;
        long completionTokens = 0;
        for (int p = 0; p < results.size(); p++) {
            promptTokens += request.prompts().get(p).length;
            List<Completion> group = results.get(p);
            for (int s = 0; s < group.size(); s++) {
                Completion c = group.get(s);
                completionTokens += c.length();
                ObjectNode choice = choices.addObject();
                choice.put("index", p * request.n() + s);
                choice.put("text", c.text());
                if (request.logprobs()) {
                    logprobs(choice.putObject("logprobs"), c, codec);
                } else {
                    choice.putNull("logprobs");
                }
                choice.put("finish_reason", c.finishReason().wire());
                ids(choice.putArray("prompt_token_ids"), c.promptIds());
                ids(choice.putArray("token_ids"), c.completionIds());
            }
        }
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return out;
    }

    /**
     * OpenAI's legacy logprobs. {@code top_logprobs} is null: only the sampled token's log-prob is
     * reported. {@code text_offset} adds up the lengths of the tokens decoded one by one (what vLLM
     * does), so it can drift from {@code text} where a character spans tokens or a stop string was cut.
     */
    private static void logprobs(ObjectNode out, Completion c, PromptCodec codec) {
        ArrayNode tokens = out.putArray("tokens");
        ArrayNode logProbs = out.putArray("token_logprobs");
        out.putNull("top_logprobs");
        ArrayNode offsets = out.putArray("text_offset");
        int offset = 0;
        for (int i = 0; i < c.length(); i++) {
            int id = c.completionIds()[i];
            tokens.add(TOKEN_ID_PREFIX + id);
            logProbs.add(c.logProbs()[i]);
            offsets.add(offset);
            offset += codec.tokenText(id).length();
        }
    }

    private static void ids(ArrayNode out, int[] ids) {
        for (int id : ids) {
            out.add(id);
        }
    }

    /** OpenAI's error body. */
    static ObjectNode error(ObjectMapper json, ApiException e) {
        ObjectNode out = json.createObjectNode();
        ObjectNode error = out.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", e.type());
        if (e.param() == null) {
            error.putNull("param");
        } else {
            error.put("param", e.param());
        }
        error.put("code", e.status());
        return out;
    }
}
