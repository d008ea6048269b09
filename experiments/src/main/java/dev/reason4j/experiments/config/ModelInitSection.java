package dev.reason4j.experiments.config;

import dev.reason4j.model.ModelFamily;

/**
 * A fresh, randomly initialised decoder with the synthetic-task tokenizer (byte-level, digits one
 * token each, {@code <think>}/{@code <answer>} tags as single tokens), as {@code reason4j init-model}
 * makes one. For toy tasks and the quickstart: a random model knows nothing, so pair it with an
 * {@code sft} warm start (RL sharpens what a model can sometimes do; it cannot start from a void).
 *
 * @param arch          {@code qwen2} (default), {@code llama} or {@code qwen3}
 * @param hidden        hidden_size (default 128)
 * @param layers        num_hidden_layers (default 4)
 * @param heads         num_attention_heads (default 4)
 * @param kvHeads       num_key_value_heads (default 2; fewer than heads is grouped-query attention)
 * @param intermediate  intermediate_size of the SwiGLU MLP (default null: 3 × hidden)
 * @param headDim       head_dim (default null: hidden / heads)
 * @param tie           tie the output head to the embedding (default true, as small Qwen models do)
 * @param seed          seed of the initial weights (default null: the run's seed)
 * @param initStd       standard deviation of the initial weights (default 0.02, HF's initializer_range)
 * @param maxPositions  max_position_embeddings (default 1024): prompt + completion must fit
 */
public record ModelInitSection(
        @Default("qwen2") ModelFamily arch,
        @Default("128") @Range(min = 1) int hidden,
        @Default("4") @Range(min = 1) int layers,
        @Default("4") @Range(min = 1) int heads,
        @Default("2") @Range(min = 1) int kvHeads,
        @Default("null") @Range(min = 1) Integer intermediate,
        @Default("null") @Range(min = 2) Integer headDim,
        @Default("true") boolean tie,
        @Default("null") Long seed,
        @Default("0.02") @Range(min = 0, minExclusive = true) double initStd,
        @Default("1024") @Range(min = 2) int maxPositions) {

    public ModelInitSection {
        if (heads % kvHeads != 0) {
            throw new InvalidSetting("kv_heads", "must divide heads (" + heads + "), got " + kvHeads);
        }
        if (headDim == null && hidden % heads != 0) {
            throw new InvalidSetting("heads", "must divide hidden (" + hidden + ") unless head_dim is set, got " + heads);
        }
        int dim = headDim == null ? hidden / heads : headDim; // fields are not assigned yet in a compact constructor
        if (dim % 2 != 0) {
            throw new InvalidSetting(headDim == null ? "heads" : "head_dim", "the head dimension must be even for rotary embeddings, got " + dim);
        }
    }

    public int resolvedIntermediate() {
        return intermediate == null ? 3 * hidden : intermediate;
    }

    public int resolvedHeadDim() {
        return headDim == null ? hidden / heads : headDim;
    }
}
