package dev.reason4j.model.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Config parsing, transformers' defaults, per-family bias flags and the RoPE inverse frequencies. */
class ReferenceConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ReferenceConfig parse(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);
        return new ReferenceConfig(node);
    }

    private static String base(String arch, String extra) {
        return "{\"architectures\": [\"" + arch + "\"], \"vocab_size\": 10, \"hidden_size\": 32, "
                + "\"intermediate_size\": 8, \"num_hidden_layers\": 1, \"num_attention_heads\": 4" + extra + "}";
    }

    @Test
    void familyBiasesAndDefaults() throws Exception {
        ReferenceConfig qwen2 = parse(base(ReferenceConfig.QWEN2, ", \"num_key_value_heads\": 2"));
        assertTrue(qwen2.qkvBias);
        assertFalse(qwen2.oBias);
        assertFalse(qwen2.mlpBias);
        assertFalse(qwen2.qkNorm);
        assertEquals(8, qwen2.headDim);
        assertEquals(10000.0, qwen2.ropeTheta);
        assertEquals(1e-6, qwen2.rmsNormEps);
        assertFalse(qwen2.tieWordEmbeddings);

        ReferenceConfig llama = parse(base(ReferenceConfig.LLAMA, ", \"attention_bias\": true, \"mlp_bias\": true"));
        assertEquals(4, llama.numKvHeads, "Llama: absent num_key_value_heads means num_attention_heads");
        assertTrue(llama.qkvBias && llama.oBias && llama.mlpBias);
        assertEquals(8, llama.headDim);
        assertEquals(12, parse(base(ReferenceConfig.LLAMA, ", \"head_dim\": 12")).headDim);
        assertEquals(8, parse(base(ReferenceConfig.LLAMA, ", \"head_dim\": null")).headDim);

        ReferenceConfig qwen3 = parse(base(ReferenceConfig.QWEN3, ", \"num_key_value_heads\": 2"));
        assertTrue(qwen3.qkNorm);
        assertFalse(qwen3.qkvBias || qwen3.oBias || qwen3.mlpBias);
        assertEquals(128, qwen3.headDim, "Qwen3Config.head_dim defaults to 128, not hidden/heads");
        ReferenceConfig qwen3Bias = parse(base(ReferenceConfig.QWEN3,
                ", \"num_key_value_heads\": 1, \"attention_bias\": true, \"mlp_bias\": true"));
        assertTrue(qwen3Bias.qkvBias && qwen3Bias.oBias);
        assertFalse(qwen3Bias.mlpBias, "Qwen3 MLP has no bias");
        ReferenceConfig qwen3Kv = parse("{\"architectures\": [\"Qwen3ForCausalLM\"], \"vocab_size\": 10, "
                + "\"hidden_size\": 64, \"intermediate_size\": 8, \"num_hidden_layers\": 1, "
                + "\"num_attention_heads\": 64, \"head_dim\": 2}");
        assertEquals(32, qwen3Kv.numKvHeads, "Qwen3Config.num_key_value_heads defaults to 32, not the head count");
    }

    @Test
    void rejectsWhatTheReferenceDoesNotImplement() {
        assertThrows(IllegalArgumentException.class, () -> parse(base("MistralForCausalLM", "")));
        assertThrows(IllegalArgumentException.class, () -> parse(base(ReferenceConfig.LLAMA, ", \"hidden_act\": \"gelu\"")));
        assertThrows(IllegalArgumentException.class,
                () -> parse(base(ReferenceConfig.QWEN2, ", \"num_key_value_heads\": 4, \"use_sliding_window\": true")));
        assertThrows(IllegalArgumentException.class, () -> parse(base(ReferenceConfig.LLAMA,
                ", \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}")));
    }

    @Test
    void defaultInverseFrequencies() throws Exception {
        ReferenceConfig c = parse(base(ReferenceConfig.LLAMA, ", \"rope_theta\": 1000000.0"));
        assertEquals(4, c.invFreq.length);
        for (int j = 0; j < 4; j++) {
            assertEquals(Math.pow(1e6, -j / 4.0), c.invFreq[j], 1e-15);
        }
        ReferenceConfig v5 = parse(base(ReferenceConfig.LLAMA,
                ", \"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": 1000000.0}"));
        assertEquals(1e6, v5.ropeTheta);
        for (int j = 0; j < 4; j++) {
            assertEquals(c.invFreq[j], v5.invFreq[j], 0.0);
        }
    }

    @Test
    void linearScalingDividesFrequencies() throws Exception {
        ReferenceConfig c = parse(base(ReferenceConfig.LLAMA,
                ", \"rope_theta\": 250000.0, \"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}"));
        assertEquals("linear", c.ropeType);
        for (int j = 0; j < 4; j++) {
            assertEquals(Math.pow(250000.0, -j / 4.0) / 2, c.invFreq[j], 1e-15);
        }
    }

    /** The three llama3 bands (theta 5e5, d 16, original context 64: wavelength cut-offs 16 and 64), by hand. */
    @Test
    void llama3ScalingBands() throws Exception {
        ReferenceConfig c = new ReferenceConfig(ReferenceFixtures.create(ReferenceFixtures.spec("llama3_rope_untied"))
                .config());
        assertEquals("llama3", c.ropeType);
        assertEquals(16, c.headDim);
        double[] plain = new double[8];
        for (int j = 0; j < 8; j++) {
            plain[j] = Math.pow(5e5, -2.0 * j / 16);
        }
        // j = 0: wavelength 2 pi < 16 -> unchanged
        assertEquals(plain[0], c.invFreq[0], 0.0);
        // j = 1: wavelength 2 pi * 5e5^(1/8) ~ 32.5 in [16, 64] -> smooth interpolation
        double wavelen = 2 * Math.PI / plain[1];
        assertTrue(wavelen > 16 && wavelen < 64);
        double smooth = (64 / wavelen - 1) / (4 - 1);
        assertEquals((1 - smooth) * plain[1] / 8 + smooth * plain[1], c.invFreq[1], 1e-15);
        // j >= 2: wavelength > 64 -> divided by factor 8
        for (int j = 2; j < 8; j++) {
            assertTrue(2 * Math.PI / plain[j] > 64);
            assertEquals(plain[j] / 8, c.invFreq[j], 1e-18);
        }
    }
}
