package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The parameter tensors of one decoder layer (views into the model's parameter map; a null bias or
 * norm means the family has none).
 */
record DecoderLayer(NDArray inputNorm, NDArray qWeight, NDArray qBias, NDArray kWeight, NDArray kBias,
                    NDArray vWeight, NDArray vBias, NDArray oWeight, NDArray oBias, NDArray qNorm, NDArray kNorm,
                    NDArray postNorm, NDArray gateWeight, NDArray gateBias, NDArray upWeight, NDArray upBias,
                    NDArray downWeight, NDArray downBias) {

    static DecoderLayer of(Map<String, NDArray> p, int i) {
        return new DecoderLayer(
                p.get(ParameterNames.layer(i, "input_layernorm.weight")),
                p.get(ParameterNames.layer(i, "self_attn.q_proj.weight")), p.get(ParameterNames.layer(i, "self_attn.q_proj.bias")),
                p.get(ParameterNames.layer(i, "self_attn.k_proj.weight")), p.get(ParameterNames.layer(i, "self_attn.k_proj.bias")),
                p.get(ParameterNames.layer(i, "self_attn.v_proj.weight")), p.get(ParameterNames.layer(i, "self_attn.v_proj.bias")),
                p.get(ParameterNames.layer(i, "self_attn.o_proj.weight")), p.get(ParameterNames.layer(i, "self_attn.o_proj.bias")),
                p.get(ParameterNames.layer(i, "self_attn.q_norm.weight")), p.get(ParameterNames.layer(i, "self_attn.k_norm.weight")),
                p.get(ParameterNames.layer(i, "post_attention_layernorm.weight")),
                p.get(ParameterNames.layer(i, "mlp.gate_proj.weight")), p.get(ParameterNames.layer(i, "mlp.gate_proj.bias")),
                p.get(ParameterNames.layer(i, "mlp.up_proj.weight")), p.get(ParameterNames.layer(i, "mlp.up_proj.bias")),
                p.get(ParameterNames.layer(i, "mlp.down_proj.weight")), p.get(ParameterNames.layer(i, "mlp.down_proj.bias")));
    }
}
