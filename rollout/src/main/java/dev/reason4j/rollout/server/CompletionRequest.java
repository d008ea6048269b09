package dev.reason4j.rollout.server;

import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.SamplingParams;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@code POST /v1/completions} body.
 *
 * @param prompts         token ids of each prompt (text prompts already encoded)
 * @param n               samples per prompt
 * @param params          sampling settings, seed included (drawn by the server when the request gave none)
 * @param logprobs        whether choices carry OpenAI's legacy {@code logprobs} object
 * @param firstSequenceId sequence id of each prompt's first sample (a reason4j extension; 0 by default)
 */
record CompletionRequest(List<int[]> prompts, int n, SamplingParams params, boolean logprobs, long firstSequenceId) {
    CompletionRequest {
        prompts = List.copyOf(prompts);
    }

    /** One engine request per prompt, each with the same seed and sequence ids, as the local engine would be asked. */
    List<GenerationRequest> generationRequests() {
        List<GenerationRequest> out = new ArrayList<>(prompts.size());
        for (int[] prompt : prompts) {
            out.add(new GenerationRequest(prompt, n, params, firstSequenceId));
        }
        return out;
    }
}
