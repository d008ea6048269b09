package dev.reason4j.model.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subset of an HF config.json that the reference decoder needs, with the defaults transformers' config classes
 * apply when a field is absent ({@code LlamaConfig}, {@code Qwen2Config}, {@code Qwen3Config}).
 *
 * <p>Defaults worth knowing: {@code num_key_value_heads} absent means {@code num_attention_heads} for Llama, but the
 * class default 32 for Qwen2/Qwen3; {@code head_dim} absent means {@code hidden_size / num_attention_heads} for
 * Llama/Qwen2, but the class default 128 for Qwen3. Real Qwen config.json files always carry both fields.
 *
 * <p>RoPE parameters are read from {@code rope_parameters} (transformers v5 layout) or else {@code rope_scaling} plus
 * top-level {@code rope_theta} (v4 layout); the type is {@code rope_type} or the legacy key {@code type}. Supported:
 * {@code default}, {@code linear} (inverse frequencies divided by {@code factor}, i.e. positions divided by it) and
 * {@code llama3} (transformers' {@code _compute_llama3_parameters}). The inverse frequencies are computed in double.
 */
public final class ReferenceConfig {

    public static final String QWEN2 = "Qwen2ForCausalLM";
    public static final String LLAMA = "LlamaForCausalLM";
    public static final String QWEN3 = "Qwen3ForCausalLM";

    public final String architecture;
    public final int vocabSize;
    public final int hiddenSize;
    public final int intermediateSize;
    public final int numLayers;
    public final int numHeads;
    public final int numKvHeads;
    public final int headDim;
    public final double rmsNormEps;
    public final double ropeTheta;
    public final String ropeType;
    public final boolean tieWordEmbeddings;
    /** Bias on q_proj, k_proj, v_proj. */
    public final boolean qkvBias;
    /** Bias on o_proj. */
    public final boolean oBias;
    /** Bias on gate_proj, up_proj, down_proj. */
    public final boolean mlpBias;
    /** Qwen3 per-head q_norm / k_norm before RoPE. */
    public final boolean qkNorm;
    /** RoPE inverse frequencies (length headDim / 2), scaling already applied. */
    public final double[] invFreq;

    public ReferenceConfig(JsonNode c) {
        JsonNode archs = c.get("architectures");
        if (archs == null || !archs.isArray() || archs.isEmpty()) {
            throw new IllegalArgumentException("config.json has no architectures");
        }
        architecture = archs.get(0).asText();
        boolean llama = architecture.equals(LLAMA);
        boolean qwen2 = architecture.equals(QWEN2);
        boolean qwen3 = architecture.equals(QWEN3);
        if (!llama && !qwen2 && !qwen3) {
            throw new IllegalArgumentException("unsupported architecture " + architecture);
        }
        String act = text(c, "hidden_act", "silu");
        if (!act.equals("silu")) {
            throw new IllegalArgumentException("unsupported hidden_act " + act);
        }
        if (bool(c, "use_sliding_window", false)) {
            throw new IllegalArgumentException("sliding-window attention is not implemented by the reference");
        }
        vocabSize = requiredInt(c, "vocab_size");
        hiddenSize = requiredInt(c, "hidden_size");
        intermediateSize = requiredInt(c, "intermediate_size");
        numLayers = requiredInt(c, "num_hidden_layers");
        numHeads = requiredInt(c, "num_attention_heads");
        numKvHeads = integer(c, "num_key_value_heads", llama ? numHeads : 32);
        headDim = integer(c, "head_dim", qwen3 ? 128 : hiddenSize / numHeads);
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numHeads + " not a multiple of "
                    + "num_key_value_heads " + numKvHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even: " + headDim);
        }
        rmsNormEps = number(c, "rms_norm_eps", 1e-6);
        tieWordEmbeddings = bool(c, "tie_word_embeddings", false);
        boolean attentionBias = bool(c, "attention_bias", false);
        qkvBias = qwen2 || attentionBias;
        oBias = !qwen2 && attentionBias;
        mlpBias = llama && bool(c, "mlp_bias", false);
        qkNorm = qwen3;

        JsonNode rope = present(c, "rope_parameters") ? c.get("rope_parameters") : c.get("rope_scaling");
        if (rope != null && rope.isNull()) {
            rope = null;
        }
        ropeTheta = rope != null && present(rope, "rope_theta") ? rope.get("rope_theta").asDouble()
                : number(c, "rope_theta", 10000.0);
        String type = "default";
        if (rope != null) {
            type = text(rope, "rope_type", text(rope, "type", "default"));
            double partial = number(rope, "partial_rotary_factor", number(c, "partial_rotary_factor", 1.0));
            if (partial != 1.0) {
                throw new IllegalArgumentException("partial_rotary_factor is not implemented by the reference");
            }
        }
        ropeType = type;
        invFreq = inverseFrequencies(c, rope);
    }

    private double[] inverseFrequencies(JsonNode c, JsonNode rope) {
        int half = headDim / 2;
        double[] inv = new double[half];
        for (int j = 0; j < half; j++) {
            inv[j] = 1.0 / Math.pow(ropeTheta, (2.0 * j) / headDim);
        }
        switch (ropeType) {
            case "default":
                return inv;
            case "linear": {
                double factor = requiredNumber(rope, "factor");
                for (int j = 0; j < half; j++) {
                    inv[j] /= factor;
                }
                return inv;
            }
            case "llama3": {
                double factor = requiredNumber(rope, "factor");
                double low = requiredNumber(rope, "low_freq_factor");
                double high = requiredNumber(rope, "high_freq_factor");
                double oldContext;
                if (present(rope, "original_max_position_embeddings")) {
                    oldContext = rope.get("original_max_position_embeddings").asDouble();
                } else if (present(c, "original_max_position_embeddings")) {
                    oldContext = c.get("original_max_position_embeddings").asDouble();
                } else {
                    oldContext = requiredNumber(c, "max_position_embeddings");
                }
                double lowFreqWavelen = oldContext / low;
                double highFreqWavelen = oldContext / high;
                for (int j = 0; j < half; j++) {
                    double wavelen = 2 * Math.PI / inv[j];
                    if (wavelen > lowFreqWavelen) {
                        inv[j] = inv[j] / factor;
                    } else if (wavelen >= highFreqWavelen) {
                        double smooth = (oldContext / wavelen - low) / (high - low);
                        inv[j] = (1 - smooth) * inv[j] / factor + smooth * inv[j];
                    }
                    // wavelen < highFreqWavelen: unchanged
                }
                return inv;
            }
            default:
                throw new IllegalArgumentException("rope type " + ropeType + " is not implemented by the reference");
        }
    }

    /** Every tensor name the checkpoint must hold, with its shape, in a stable order. */
    public Map<String, long[]> expectedShapes() {
        Map<String, long[]> s = new LinkedHashMap<>();
        long h = hiddenSize;
        long qOut = (long) numHeads * headDim;
        long kvOut = (long) numKvHeads * headDim;
        long inter = intermediateSize;
        s.put("model.embed_tokens.weight", new long[] {vocabSize, h});
        for (int i = 0; i < numLayers; i++) {
            String p = "model.layers." + i + ".";
            s.put(p + "input_layernorm.weight", new long[] {h});
            s.put(p + "self_attn.q_proj.weight", new long[] {qOut, h});
            s.put(p + "self_attn.k_proj.weight", new long[] {kvOut, h});
            s.put(p + "self_attn.v_proj.weight", new long[] {kvOut, h});
            if (qkvBias) {
                s.put(p + "self_attn.q_proj.bias", new long[] {qOut});
                s.put(p + "self_attn.k_proj.bias", new long[] {kvOut});
                s.put(p + "self_attn.v_proj.bias", new long[] {kvOut});
            }
            s.put(p + "self_attn.o_proj.weight", new long[] {h, qOut});
            if (oBias) {
                s.put(p + "self_attn.o_proj.bias", new long[] {h});
            }
            if (qkNorm) {
                s.put(p + "self_attn.q_norm.weight", new long[] {headDim});
                s.put(p + "self_attn.k_norm.weight", new long[] {headDim});
            }
            s.put(p + "post_attention_layernorm.weight", new long[] {h});
            s.put(p + "mlp.gate_proj.weight", new long[] {inter, h});
            s.put(p + "mlp.up_proj.weight", new long[] {inter, h});
            s.put(p + "mlp.down_proj.weight", new long[] {h, inter});
            if (mlpBias) {
                s.put(p + "mlp.gate_proj.bias", new long[] {inter});
                s.put(p + "mlp.up_proj.bias", new long[] {inter});
                s.put(p + "mlp.down_proj.bias", new long[] {h});
            }
        }
        s.put("model.norm.weight", new long[] {h});
        if (!tieWordEmbeddings) {
            s.put("lm_head.weight", new long[] {vocabSize, h});
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static boolean present(JsonNode c, String key) {
        return c.has(key) && !c.get(key).isNull();
    }

    private static int requiredInt(JsonNode c, String key) {
        if (!present(c, key)) {
            throw new IllegalArgumentException("config.json lacks " + key);
        }
        return c.get(key).asInt();
    }

    private static double requiredNumber(JsonNode c, String key) {
        if (!present(c, key)) {
            throw new IllegalArgumentException("config lacks " + key);
        }
        return c.get(key).asDouble();
    }

    private static int integer(JsonNode c, String key, int dflt) {
        return present(c, key) ? c.get(key).asInt() : dflt;
    }

    private static double number(JsonNode c, String key, double dflt) {
        return present(c, key) ? c.get(key).asDouble() : dflt;
    }

    private static boolean bool(JsonNode c, String key, boolean dflt) {
        return present(c, key) ? c.get(key).asBoolean() : dflt;
    }

    private static String text(JsonNode c, String key, String dflt) {
        return present(c, key) ? c.get(key).asText() : dflt;
    }
}
