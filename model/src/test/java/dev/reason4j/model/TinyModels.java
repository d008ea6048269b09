package dev.reason4j.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/** Small configs that exercise every option: GQA, biases, q/k norm, head_dim ≠ hidden/heads, rope_theta ≠ 10000. */
public final class TinyModels {
    private TinyModels() {
    }

    public static ModelConfig config(ModelFamily family, boolean tied) {
        int headDim = family == ModelFamily.QWEN3 ? 12 : 8; // Qwen3: head_dim ≠ hidden / heads (32 / 4)
        double theta = family == ModelFamily.LLAMA ? 500000.0 : 1000000.0;
        return ModelConfig.create(family, 61, 32, 48, 2, 4, 2, headDim, theta, tied, 512, 1, List.of(2));
    }

    /** Llama config with attention_bias and mlp_bias switched on. */
    public static ModelConfig llamaWithBiases(boolean tied) {
        var json = config(ModelFamily.LLAMA, tied).raw().deepCopy();
        json.put("attention_bias", true);
        json.put("mlp_bias", true);
        return ModelConfig.fromJson(json, "test config");
    }

    public static DecoderModel model(ModelConfig config, long seed, DataType dtype) {
        // std 0.3 with random biases/norms off: large enough that logits are far from uniform.
        return ModelInit.random(config, seed, 0.3, Device.cpu(), dtype);
    }
}
