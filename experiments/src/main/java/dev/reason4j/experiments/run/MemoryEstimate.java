package dev.reason4j.experiments.run;

import dev.reason4j.experiments.config.EngineKind;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.TrainingPlan;
import dev.reason4j.model.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rough peak-memory estimate of a GRPO run with F32 weights and AdamW, from the parameter count,
 * the batch sizes and the longest sequence. Activations assume no recomputation and attention
 * probabilities kept for backward; the log-probability pass is chunked over the vocabulary. Good to
 * tell a run that fits from one that is ten times too big, not to budget the last gigabyte.
 *
 * @param weights     the policy, 4 bytes per parameter
 * @param gradients   one F32 gradient per parameter
 * @param optimizer   AdamW's two moments
 * @param reference   the frozen reference policy (β &gt; 0 only)
 * @param kvCache     the local engine's KV cache at rollout.max_batch_tokens (0 for a remote engine)
 * @param activations one micro-batch's forward activations kept for backward
 */
public record MemoryEstimate(long weights, long gradients, long optimizer, long reference, long kvCache, long activations) {
    private static final long F32 = 4;
    private static final long VOCAB_CHUNK = 32_768;

    public static MemoryEstimate of(ModelConfig m, ExperimentConfig c, int maxPromptTokens) {
        long p = m.parameterCount();
        long seq = (long) maxPromptTokens + c.rollout().maxNewTokens();
        TrainingPlan plan = TrainingPlan.of(c);
        long kvTokens = Math.min(c.rollout().maxBatchTokens(), plan.completionsPerStep() * seq);
        long kvPerToken = (long) m.numLayers() * 2 * m.numKvHeads() * m.headDim() * F32;
        boolean local = c.rollout().engine() == EngineKind.LOCAL;
        long micro = Math.min(c.grpo().microBatchSize(), plan.completionsPerStep());
        long qDim = (long) m.numHeads() * m.headDim();
        long kvDim = (long) m.numKvHeads() * m.headDim();
        long perTokenLayer = 6L * m.hiddenSize() + 2 * qDim + 2 * kvDim + 3L * m.intermediateSize() + 2L * m.numHeads() * seq;
        long logits = micro * c.rollout().maxNewTokens() * Math.min(VOCAB_CHUNK, m.vocabSize()) * 2;
        long activations = (micro * seq * m.numLayers() * perTokenLayer + logits) * F32;
        return new MemoryEstimate(p * F32, p * F32, 2 * p * F32, c.grpo().beta() > 0 ? p * F32 : 0,
                local ? kvTokens * kvPerToken : 0, activations);
    }

    public long total() {
        return weights + gradients + optimizer + reference + kvCache + activations;
    }

    /** Each part and the total in MiB, rounded up. */
    public Map<String, Long> megabytes() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("weights", mib(weights));
        out.put("gradients", mib(gradients));
        out.put("optimizer", mib(optimizer));
        out.put("reference", mib(reference));
        out.put("kv_cache", mib(kvCache));
        out.put("activations", mib(activations));
        out.put("total", mib(total()));
        return out;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
