package dev.reason4j.model.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the reference decoder, plus agreement with torch-computed expectations committed as JSON. */
class ReferenceDecoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Oracle vs torch (both float64): observed ~5e-15; the bound leaves room for libm differences only. */
    private static final double TORCH_TOL = 1e-9;

    static Stream<ReferenceFixtures.Spec> specs() {
        return ReferenceFixtures.standardSpecs().stream();
    }

    /** Embedding -> final norm -> lm_head with every number worked out by hand (attention/MLP outputs zeroed). */
    @Test
    void tinyModelMatchesHandComputation() throws Exception {
        String config = """
                {"architectures": ["LlamaForCausalLM"], "vocab_size": 3, "hidden_size": 2, "intermediate_size": 1,
                 "num_hidden_layers": 1, "num_attention_heads": 1, "rms_norm_eps": 0.0, "tie_word_embeddings": false}
                """;
        Map<String, double[]> w = new HashMap<>();
        Map<String, long[]> s = new HashMap<>();
        put(w, s, "model.embed_tokens.weight", new double[] {1, 0, 0, 1, 3, 4}, 3, 2);
        put(w, s, "model.layers.0.input_layernorm.weight", new double[] {1, 1}, 2);
        put(w, s, "model.layers.0.self_attn.q_proj.weight", new double[] {0.3, -0.2, 0.5, 0.1}, 2, 2);
        put(w, s, "model.layers.0.self_attn.k_proj.weight", new double[] {0.7, 0.2, -0.4, 0.9}, 2, 2);
        put(w, s, "model.layers.0.self_attn.v_proj.weight", new double[] {1, 2, 3, 4}, 2, 2);
        put(w, s, "model.layers.0.self_attn.o_proj.weight", new double[] {0, 0, 0, 0}, 2, 2);
        put(w, s, "model.layers.0.post_attention_layernorm.weight", new double[] {1, 1}, 2);
        put(w, s, "model.layers.0.mlp.gate_proj.weight", new double[] {0.5, 0.5}, 1, 2);
        put(w, s, "model.layers.0.mlp.up_proj.weight", new double[] {1, -1}, 1, 2);
        put(w, s, "model.layers.0.mlp.down_proj.weight", new double[] {0, 0}, 2, 1);
        put(w, s, "model.norm.weight", new double[] {2, 0.5}, 2);
        put(w, s, "lm_head.weight", new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        ReferenceDecoder dec = new ReferenceDecoder(MAPPER.readTree(config), w, s);
        double r2 = Math.sqrt(2);
        // [1,0]: rms sqrt(1/2) -> [sqrt2, 0] * [2, .5] = [2 sqrt2, 0]
        // [0,1]: -> [0, sqrt2] * [2, .5] = [0, sqrt2/2]
        // [3,4]: rms 5/sqrt2 -> [3 sqrt2/5, 4 sqrt2/5] * [2, .5] = [6 sqrt2/5, 2 sqrt2/5]
        double[][] expected = {
            {6 * r2 / 5, 2 * r2 / 5, 8 * r2 / 5}, {2 * r2, 0, 2 * r2}, {0, r2 / 2, r2 / 2}};
        double[][] logits = dec.logits(new int[] {2, 0, 1});
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(expected[t], logits[t], 1e-12, "position " + t);
        }
        // log p(0 | 2) = 6sqrt2/5 - log(e^{6sqrt2/5} + e^{2sqrt2/5} + e^{8sqrt2/5})
        double lse = Math.log(Math.exp(6 * r2 / 5) + Math.exp(2 * r2 / 5) + Math.exp(8 * r2 / 5));
        assertEquals(6 * r2 / 5 - lse, dec.tokenLogProbs(new int[] {2, 0, 1})[0], 1e-12);
    }

    /** 1-layer fixture with o_proj and down_proj zeroed: logits = norm(embedding) . W^T, computed here by loops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void zeroedBlocksGiveNormalisedEmbeddingTimesHead(ReferenceFixtures.Spec spec) {
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec.withLayers(1));
        Map<String, double[]> w = f.weightsAsDouble();
        Arrays.fill(w.get("model.layers.0.self_attn.o_proj.weight"), 0);
        Arrays.fill(w.get("model.layers.0.mlp.down_proj.weight"), 0);
        w.computeIfPresent("model.layers.0.self_attn.o_proj.bias", (k, v) -> new double[v.length]);
        w.computeIfPresent("model.layers.0.mlp.down_proj.bias", (k, v) -> new double[v.length]);
        ReferenceDecoder dec = new ReferenceDecoder(f.config(), w, f.shapes());
        ReferenceConfig c = dec.config();
        double[] embed = w.get("model.embed_tokens.weight");
        double[] head = spec.tied() ? embed : w.get("lm_head.weight");
        double[] norm = w.get("model.norm.weight");
        int[] ids = f.sampleIds(12, 5);
        double[][] logits = dec.logits(ids);
        int h = c.hiddenSize;
        for (int t = 0; t < ids.length; t++) {
            double ms = 0;
            for (int i = 0; i < h; i++) {
                ms += embed[ids[t] * h + i] * embed[ids[t] * h + i] / h;
            }
            for (int v = 0; v < c.vocabSize; v++) {
                double acc = 0;
                for (int i = 0; i < h; i++) {
                    acc += embed[ids[t] * h + i] / Math.sqrt(ms + c.rmsNormEps) * norm[i] * head[v * h + i];
                }
                assertEquals(acc, logits[t][v], 1e-12);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void softmaxIsNormalisedAndLogProbsConsistent(ReferenceFixtures.Spec spec) {
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec);
        ReferenceDecoder dec = f.decoder();
        int[] ids = f.sampleIds(20, 3);
        double[][] logits = dec.logits(ids);
        double[] lp = dec.tokenLogProbs(ids);
        double[] lp1 = dec.tokenLogProbs(ids, 1.0);
        double[] lpT = dec.tokenLogProbs(ids, 0.6);
        assertEquals(ids.length - 1, lp.length);
        assertArrayEquals(lp, lp1, 0.0);
        for (int t = 0; t < ids.length; t++) {
            assertEquals(f.vocabSize(), logits[t].length);
            for (double temperature : new double[] {1.0, 0.6, 2.5}) {
                double sum = 0;
                double lse = 0;
                double[] scaled = new double[logits[t].length];
                for (int v = 0; v < scaled.length; v++) {
                    scaled[v] = logits[t][v] / temperature;
                }
                lse = ReferenceDecoder.logSumExp(scaled);
                for (double x : scaled) {
                    sum += Math.exp(x - lse);
                }
                assertEquals(1.0, sum, 1e-12);
            }
            if (t + 1 < ids.length) {
                assertTrue(lp[t] <= 0 && lpT[t] <= 0);
                double direct = Math.log(Math.exp(logits[t][ids[t + 1]]) / Arrays.stream(logits[t]).map(Math::exp)
                        .sum());
                assertEquals(direct, lp[t], 1e-12);
                double[] scaled = Arrays.stream(logits[t]).map(x -> x / 0.6).toArray();
                assertEquals(scaled[ids[t + 1]] - ReferenceDecoder.logSumExp(scaled), lpT[t], 1e-12);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> dec.tokenLogProbs(ids, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void tiedEqualsUntiedWithCopiedHead(ReferenceFixtures.Spec spec) throws Exception {
        ReferenceFixtures.Fixture tied = ReferenceFixtures.create(spec.withTied(true));
        ObjectNode untiedConfig = (ObjectNode) tied.config();
        untiedConfig.put("tie_word_embeddings", false);
        Map<String, double[]> w = new LinkedHashMap<>(tied.weightsAsDouble());
        Map<String, long[]> s = new LinkedHashMap<>(tied.shapes());
        w.put("lm_head.weight", w.get("model.embed_tokens.weight").clone());
        s.put("lm_head.weight", s.get("model.embed_tokens.weight"));
        int[] ids = tied.sampleIds(16, 9);
        double[][] a = tied.decoder().logits(ids);
        double[][] b = new ReferenceDecoder(untiedConfig, w, s).logits(ids);
        for (int t = 0; t < ids.length; t++) {
            assertArrayEquals(a[t], b[t], 0.0);
        }
    }

    /** Causality: the logits of a prefix equal the first rows of the logits of the whole sequence. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void prefixLogitsAreUnchangedByLaterTokens(ReferenceFixtures.Spec spec) {
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec);
        ReferenceDecoder dec = f.decoder();
        int[] ids = f.sampleIds(24, 4);
        double[][] full = dec.logits(ids);
        double[][] prefix = dec.logits(Arrays.copyOf(ids, 10));
        for (int t = 0; t < 10; t++) {
            assertArrayEquals(full[t], prefix[t], 1e-12);
        }
    }

    /** GQA: query head h reads kv head h / (heads / kv_heads); duplicating kv heads into an MHA model is identical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void groupedQueryAttentionEqualsMhaWithRepeatedKvHeads(ReferenceFixtures.Spec spec) throws Exception {
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec);
        ReferenceConfig c = f.decoder().config();
        int groups = c.numHeads / c.numKvHeads;
        if (groups == 1) {
            return;
        }
        ObjectNode mha = (ObjectNode) f.config();
        mha.put("num_key_value_heads", c.numHeads);
        Map<String, double[]> w = new LinkedHashMap<>(f.weightsAsDouble());
        Map<String, long[]> s = new LinkedHashMap<>(f.shapes());
        int d = c.headDim;
        int h = c.hiddenSize;
        for (int layer = 0; layer < c.numLayers; layer++) {
            for (String proj : new String[] {"k_proj", "v_proj"}) {
                String p = "model.layers." + layer + ".self_attn." + proj;
                double[] oldW = w.get(p + ".weight");
                double[] newW = new double[c.numHeads * d * h];
                for (int head = 0; head < c.numHeads; head++) {
                    System.arraycopy(oldW, (head / groups) * d * h, newW, head * d * h, d * h);
                }
                w.put(p + ".weight", newW);
                s.put(p + ".weight", new long[] {(long) c.numHeads * d, h});
                double[] oldB = w.get(p + ".bias");
                if (oldB != null) {
                    double[] newB = new double[c.numHeads * d];
                    for (int head = 0; head < c.numHeads; head++) {
                        System.arraycopy(oldB, (head / groups) * d, newB, head * d, d);
                    }
                    w.put(p + ".bias", newB);
                    s.put(p + ".bias", new long[] {(long) c.numHeads * d});
                }
            }
        }
        int[] ids = f.sampleIds(16, 8);
        double[][] a = f.decoder().logits(ids);
        double[][] b = new ReferenceDecoder(mha, w, s).logits(ids);
        for (int t = 0; t < ids.length; t++) {
            assertArrayEquals(a[t], b[t], 1e-12);
        }
    }

    @Test
    void rejectsMissingMisshapenAndUnexpectedWeights() {
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(ReferenceConfig.QWEN2, 1);
        Map<String, double[]> w = new LinkedHashMap<>(f.weightsAsDouble());
        w.remove("model.layers.1.self_attn.k_proj.bias");
        assertThrows(IllegalArgumentException.class, () -> new ReferenceDecoder(f.config(), w, f.shapes()));
        Map<String, long[]> s = new LinkedHashMap<>(f.shapes());
        s.put("model.norm.weight", new long[] {1, s.get("model.norm.weight")[0]});
        assertThrows(IllegalArgumentException.class,
                () -> new ReferenceDecoder(f.config(), f.weightsAsDouble(), s));
        Map<String, double[]> extra = new LinkedHashMap<>(f.weightsAsDouble());
        Map<String, long[]> extraShapes = new LinkedHashMap<>(f.shapes());
        extra.put("model.layers.0.self_attn.o_proj.bias", new double[32]);
        extraShapes.put("model.layers.0.self_attn.o_proj.bias", new long[] {32});
        assertThrows(IllegalArgumentException.class, () -> new ReferenceDecoder(f.config(), extra, extraShapes));
        assertThrows(IllegalArgumentException.class, () -> f.decoder().logits(new int[] {f.vocabSize()}));
    }

    /** Agreement with the torch (float64) forward of src/test/python/reference_check.py, committed as JSON. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void matchesTorchExpectations(ReferenceFixtures.Spec spec) throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/" + spec.name() + ".json")) {
            assertNotNull(in, "missing /reference/" + spec.name() + ".json");
            expected = MAPPER.readTree(in);
        }
        ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec);
        assertEquals(expected.get("fingerprint").asText(), f.fingerprint(),
                "ReferenceFixtures now generates different weights for " + spec.name()
                        + "; regenerate the expectations with src/test/python/reference_check.py");
        int[] ids = MAPPER.treeToValue(expected.get("ids"), int[].class);
        ReferenceDecoder dec = f.decoder();
        double[][] logits = dec.logits(ids);
        Iterator<Map.Entry<String, JsonNode>> rows = expected.get("logits_rows").fields();
        int checkedRows = 0;
        while (rows.hasNext()) {
            Map.Entry<String, JsonNode> row = rows.next();
            assertArrayEquals(MAPPER.treeToValue(row.getValue(), double[].class),
                    logits[Integer.parseInt(row.getKey())], TORCH_TOL, "logits row " + row.getKey());
            checkedRows++;
        }
        assertTrue(checkedRows >= 4);
        double[] lse = MAPPER.treeToValue(expected.get("logsumexp"), double[].class);
        for (int t = 0; t < ids.length; t++) {
            assertEquals(lse[t], ReferenceDecoder.logSumExp(logits[t]), TORCH_TOL, "logsumexp " + t);
        }
        assertArrayEquals(MAPPER.treeToValue(expected.get("token_logprobs"), double[].class),
                dec.tokenLogProbs(ids), TORCH_TOL);
        assertArrayEquals(MAPPER.treeToValue(expected.get("token_logprobs_t"), double[].class),
                dec.tokenLogProbs(ids, expected.get("temperature").asDouble()), TORCH_TOL);
    }

    private static void put(Map<String, double[]> w, Map<String, long[]> s, String name, double[] v, long... shape) {
        w.put(name, v);
        s.put(name, shape);
    }
}
