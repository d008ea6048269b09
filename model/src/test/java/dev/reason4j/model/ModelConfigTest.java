package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode qwen2() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"architectures": ["Qwen2ForCausalLM"], "hidden_size": 896, "intermediate_size": 4864,
                 "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 151936,
                 "rms_norm_eps": 1e-06, "rope_theta": 1000000.0, "tie_word_embeddings": true, "hidden_act": "silu",
                 "max_position_embeddings": 32768, "use_sliding_window": false, "eos_token_id": 151645, "bos_token_id": 151643}
                """);
    }

    @Test
    void qwen2ReadsTheFieldsOfARealConfigAndHasQkvBiasButNoOutputBias() throws Exception {
        ModelConfig c = ModelConfig.fromJson(qwen2(), "config.json");
        assertEquals(ModelFamily.QWEN2, c.family());
        assertEquals(64, c.headDim());
        assertEquals(7, c.groupSize());
        assertTrue(c.qkvBias());
        assertFalse(c.outputBias());
        assertFalse(c.qkNorm());
        assertEquals(List.of(151645), c.eosTokenIds());
        // Qwen2.5-0.5B has 494,032,768 parameters with the tied head counted once
        assertEquals(494_032_768L, c.parameterCount());
    }

    @Test
    void qwen3HeadDimMayDifferFromHiddenOverHeads() throws Exception {
        ObjectNode n = qwen2();
        n.putArray("architectures").add("Qwen3ForCausalLM");
        n.put("head_dim", 128);
        n.put("attention_bias", false);
        ModelConfig c = ModelConfig.fromJson(n, "config.json");
        assertEquals(128, c.headDim());
        assertTrue(c.qkNorm());
        assertFalse(c.qkvBias());
    }

    @Test
    void unsupportedArchitectureIsNamed() throws Exception {
        ObjectNode n = qwen2();
        n.putArray("architectures").add("MistralForCausalLM");
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelConfig.fromJson(n, "x/config.json"));
        assertTrue(e.getMessage().contains("MistralForCausalLM") && e.getMessage().contains("architectures"), e.getMessage());
    }

    @Test
    void unsupportedRopeScalingIsRefusedByName() throws Exception {
        ObjectNode n = qwen2();
        n.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0);
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelConfig.fromJson(n, "x/config.json"));
        assertTrue(e.getMessage().contains("rope_scaling") && e.getMessage().contains("yarn"), e.getMessage());
    }

    @Test
    void slidingWindowIsRefused() throws Exception {
        ObjectNode n = qwen2();
        n.put("use_sliding_window", true);
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelConfig.fromJson(n, "x/config.json"));
        assertTrue(e.getMessage().contains("use_sliding_window"), e.getMessage());
    }

    @Test
    void missingAndMistypedFieldsAreNamed(@TempDir Path dir) throws Exception {
        ObjectNode n = qwen2();
        n.remove("hidden_size");
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelConfig.fromJson(n, "x/config.json"));
        assertTrue(e.getMessage().contains("hidden_size"), e.getMessage());
        ObjectNode m = qwen2();
        m.put("num_hidden_layers", "24");
        e = assertThrows(Reason4jException.class, () -> ModelConfig.fromJson(m, "x/config.json"));
        assertTrue(e.getMessage().contains("num_hidden_layers") && e.getMessage().contains("integer"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"architectures\": [");
        e = assertThrows(Reason4jException.class, () -> ModelConfig.load(dir));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> ModelConfig.load(dir.resolve("absent")));
        assertTrue(e.getMessage().contains("no config.json"), e.getMessage());
    }

    @Test
    void llama3RopeScalingFollowsTransformers() {
        // Llama 3.1: factor 8, low 1, high 4, original 8192, theta 500000, head_dim 128.
        RopeScaling s = new RopeScaling("llama3", 8, 1, 4, 8192);
        double[] inv = s.inverseFrequencies(500000, 128);
        double[] plain = RopeScaling.NONE.inverseFrequencies(500000, 128);
        assertEquals(plain[0], inv[0], 0, "high frequencies (wavelength < 2048) unchanged");
        assertEquals(plain[63] / 8, inv[63], 1e-20, "low frequencies (wavelength > 8192) divided by the factor");
        // A medium frequency is smoothly interpolated between the two.
        int j = 32;
        double wavelen = 2 * Math.PI / plain[j];
        assertTrue(wavelen > 2048 && wavelen < 8192, "j=32 is a medium frequency: " + wavelen);
        double smooth = (8192 / wavelen - 1) / 3;
        assertEquals((1 - smooth) * plain[j] / 8 + smooth * plain[j], inv[j], 1e-18);
        assertArrayEquals(new double[] {1, 0.1}, RopeScaling.NONE.inverseFrequencies(100, 4), 1e-15);
    }
}
