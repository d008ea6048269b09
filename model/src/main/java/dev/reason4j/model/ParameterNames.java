package dev.reason4j.model;

import java.util.ArrayList;
import java.util.List;

/** The HF tensor names of a decoder, in the order HF writes them. */
public final class ParameterNames {
    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private ParameterNames() {
    }

    public static String layer(int i, String suffix) {
        return "model.layers." + i + "." + suffix;
    }

    /** Every tensor the config calls for; the head only when it is not tied to the embedding. */
    public static List<String> all(ModelConfig c) {
        List<String> names = new ArrayList<>();
        names.add(EMBED);
        for (int i = 0; i < c.numLayers(); i++) {
            names.add(layer(i, "input_layernorm.weight"));
            for (String p : List.of("q_proj", "k_proj", "v_proj")) {
                names.add(layer(i, "self_attn." + p + ".weight"));
                if (c.qkvBias()) {
                    names.add(layer(i, "self_attn." + p + ".bias"));
                }
            }
            names.add(layer(i, "self_attn.o_proj.weight"));
            if (c.outputBias()) {
                names.add(layer(i, "self_attn.o_proj.bias"));
            }
            if (c.qkNorm()) {
                names.add(layer(i, "self_attn.q_norm.weight"));
                names.add(layer(i, "self_attn.k_norm.weight"));
            }
            names.add(layer(i, "post_attention_layernorm.weight"));
            for (String p : List.of("gate_proj", "up_proj", "down_proj")) {
                names.add(layer(i, "mlp." + p + ".weight"));
                if (c.mlpBias()) {
                    names.add(layer(i, "mlp." + p + ".bias"));
                }
            }
        }
        names.add(FINAL_NORM);
        if (!c.tieWordEmbeddings()) {
            names.add(LM_HEAD);
        }
        return names;
    }

    /** The shape each tensor must have under this config. */
    public static long[] shape(ModelConfig c, String name) {
        long h = c.hiddenSize();
        long q = (long) c.numHeads() * c.headDim();
        long kv = (long) c.numKvHeads() * c.headDim();
        long inter = c.intermediateSize();
        if (name.equals(EMBED) || name.equals(LM_HEAD)) {
            return new long[] {c.vocabSize(), h};
        }
        if (name.equals(FINAL_NORM) || name.endsWith("layernorm.weight")) {
            return new long[] {h};
        }
        String s = name.substring(name.indexOf('.', "model.layers.".length()) + 1);
        return switch (s) {
            case "self_attn.q_proj.weight" -> new long[] {q, h};
            case "self_attn.k_proj.weight", "self_attn.v_proj.weight" -> new long[] {kv, h};
            case "self_attn.q_proj.bias" -> new long[] {q};
            case "self_attn.k_proj.bias", "self_attn.v_proj.bias" -> new long[] {kv};
            case "self_attn.o_proj.weight" -> new long[] {h, q};
            case "self_attn.o_proj.bias", "mlp.down_proj.bias" -> new long[] {h};
            case "self_attn.q_norm.weight", "self_attn.k_norm.weight" -> new long[] {c.headDim()};
            case "mlp.gate_proj.weight", "mlp.up_proj.weight" -> new long[] {inter, h};
            case "mlp.gate_proj.bias", "mlp.up_proj.bias" -> new long[] {inter};
            case "mlp.down_proj.weight" -> new long[] {h, inter};
            default -> throw new IllegalArgumentException("not a decoder tensor: " + name);
        };
    }
}
