package dev.reason4j.experiments.config;

import java.util.List;

/**
 * How completions are sampled during training. Defaults follow TRL's GRPOConfig.
 *
 * @param engine          {@code local} (default: in this JVM) or {@code remote} (inference servers)
 * @param servers         remote: base URLs, e.g. {@code [http://10.0.0.5:8000]}; requests go to the least busy
 * @param reloader        remote: how servers load each checkpoint, {@code reason4j} (default) or {@code sglang}.
 *                        Rollouts are as fresh as the last checkpoint: set {@code output.checkpoint_every: 1}
 *                        to stay on-policy
 * @param servedModel     remote: the {@code model} field of each request (vLLM checks it against its served
 *                        name); default null: the model path as given
 * @param groupSize       G, completions per problem (default 8, TRL's num_generations). GRPO's baseline is
 *                        the group mean: larger G is a better baseline and more compute per problem
 * @param problemsPerStep problems per training step (default 8); a step trains on problems × G completions
 * @param temperature     sampling temperature (default 1.0, TRL's); must be &gt; 0: identical greedy
 *                        completions carry no signal. The objective's π is softmax(logits / temperature)
 * @param topP            nucleus sampling (default 1.0 = off). Truncated sampling makes π_old differ from
 *                        the policy being trained; keep it off unless you know why
 * @param topK            keep the k most likely tokens (default 0 = off)
 * @param minP            drop tokens below min_p × the top probability (default 0 = off)
 * @param maxNewTokens    longest completion (default 256, TRL's max_completion_length); longer ones are
 *                        truncated (see {@code grpo.mask_truncated})
 * @param stop            strings that end a completion (default none: the model's EOS ends it)
 * @param maxBatchTokens  local engine: rows × (prompt + max_new_tokens) per KV cache (default 262144);
 *                        bounds rollout memory
 * @param lanes           local engine: parts of each batch decoded at once on their own threads, sharing
 *                        libtorch's threads (default 1). On CPU with small models, lanes = cores is faster
 *                        (see BENCHMARKS.md); lanes share the weights, each has its own KV cache
 */
public record RolloutSection(@Default("local") EngineKind engine,
                             @Default("[]") List<String> servers,
                             @Default("reason4j") ReloaderKind reloader,
                             @Default("null") String servedModel,
                             @Default("8") @Range(min = 2) int groupSize,
                             @Default("8") @Range(min = 1) int problemsPerStep,
                             @Default("1.0") @Range(min = 0, minExclusive = true) double temperature,
                             @Default("1.0") @Range(min = 0, max = 1, minExclusive = true) double topP,
                             @Default("0") @Range(min = 0) int topK,
                             @Default("0.0") @Range(min = 0, max = 1, maxExclusive = true) double minP,
                             @Default("256") @Range(min = 1) int maxNewTokens,
                             @Default("[]") List<String> stop,
                             @Default("262144") @Range(min = 1) long maxBatchTokens,
                             @Default("1") @Range(min = 1) int lanes) {
    public RolloutSection {
        if (engine == EngineKind.REMOTE && servers.isEmpty()) {
            throw new InvalidSetting("servers", "engine: remote needs at least one server, e.g. servers: [http://127.0.0.1:8000]");
        }
        if (engine == EngineKind.LOCAL && !servers.isEmpty()) {
            throw new InvalidSetting("servers", "servers are only used with engine: remote; remove them or set engine: remote");
        }
        if (stop.stream().anyMatch(String::isEmpty)) {
            throw new InvalidSetting("stop", "stop strings must not be empty");
        }
    }

    /** Completions per step: problems_per_step × group_size. */
    public int completionsPerStep() {
        return problemsPerStep * groupSize;
    }
}
