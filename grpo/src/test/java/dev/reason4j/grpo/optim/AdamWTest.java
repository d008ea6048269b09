package dev.reason4j.grpo.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdamWTest {
    private static final double[] LEARNING_RATES = {0.0, 1e-2, 3e-2, 2e-2, 5e-3, 1e-3, 4e-2, 1e-2};
    @TempDir
    Path tmp;

    @Test
    void firstStepMovesAWeightByTheLearningRateAgainstItsGradientAfterDecay() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> params = Map.of("w", TestTensors.parameter(m, DataType.FLOAT64, new double[] {1.0}, 1));
            TestTensors.setGradients(params, Map.of("w", new double[] {0.5}));
            try (AdamW adam = new AdamW(params, AdamWConfig.defaults().withWeightDecay(0.01), DecayPolicy.all())) {
                adam.step(0.1);
                // decay: 1·(1 − 0.1·0.01) = 0.999; m = 0.05, v = 0.00025; bias-corrected: m̂ = 0.5, √v̂ = 0.5;
                // update = 0.1 · 0.5 / (0.5 + 1e-8) = 0.1 / (1 + 2e-8)
                assertEquals(0.999 - 0.1 / (1 + 2e-8), params.get("w").toDoubleArray()[0], 1e-15);
                assertEquals(0.05, adam.state().firstMoment("w").toDoubleArray()[0], 1e-16);
                assertEquals(0.00025, adam.state().secondMoment("w").toDoubleArray()[0], 1e-18);
                assertEquals(1, adam.stepCount());
            }
        }
    }

    @Test
    void matchesTorchAdamWOnTheOutputOfTorch113() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/optim/torch_adamw_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (String name : new String[] {"w", "b"}) {
                long[] shape = new ObjectMapper().convertValue(ref.at("/shapes/" + name), long[].class);
                params.put(name, TestTensors.parameter(m, DataType.FLOAT64, doubles(ref.at("/initial/" + name)), shape));
            }
            AdamWConfig config = new AdamWConfig(ref.get("beta1").asDouble(), ref.get("beta2").asDouble(), ref.get("eps").asDouble(),
                    ref.at("/weight_decay/w").asDouble());
            try (AdamW adam = new AdamW(params, config, name -> name.equals("w"))) {
                int step = 0;
                for (JsonNode expected : ref.get("steps")) {
                    step++;
                    TestTensors.setGradients(params, Map.of("w", doubles(expected.at("/grad/w")), "b", doubles(expected.at("/grad/b"))));
                    adam.step(expected.get("lr").asDouble());
                    for (String name : params.keySet()) {
                        // torch's add(alpha=) and addcdiv fuse a multiply-add; the order differs by an ulp at most.
                        assertClose(doubles(expected.at("/param/" + name)), params.get(name).toDoubleArray(), 1e-15, "param " + name + " step " + step);
                        assertClose(doubles(expected.at("/exp_avg/" + name)), adam.state().firstMoment(name).toDoubleArray(), 1e-15,
                                "exp_avg " + name + " step " + step);
                        assertClose(doubles(expected.at("/exp_avg_sq/" + name)), adam.state().secondMoment(name).toDoubleArray(), 1e-15,
                                "exp_avg_sq " + name + " step " + step);
                    }
                }
                assertEquals(7, adam.stepCount());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64"})
    void matchesThePlainJavaReferenceOverSeveralSteps(DataType type) {
        boolean float32 = type == DataType.FLOAT32;
        AdamWConfig config = AdamWConfig.defaults();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Random r = new Random(3);
            Map<String, double[]> expected = new LinkedHashMap<>();
            expected.put("layer.weight", randoms(r, 12, 1.0, float32));
            expected.put("layer.bias", randoms(r, 4, 0.1, float32));
            expected.put("layer.input_layernorm.weight", randoms(r, 4, 1.0, float32));
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("layer.weight", TestTensors.parameter(m, type, expected.get("layer.weight").clone(), 3, 4));
            params.put("layer.bias", TestTensors.parameter(m, type, expected.get("layer.bias").clone(), 4));
            params.put("layer.input_layernorm.weight", TestTensors.parameter(m, type, expected.get("layer.input_layernorm.weight").clone(), 4));
            ReferenceAdamW reference = new ReferenceAdamW(config, Set.of("layer.weight"), float32);
            try (AdamW adam = new AdamW(params, config, DecayPolicy.exceptNormsAndBiases())) {
                assertEquals(Set.of("layer.weight"), adam.decayedParameters());
                for (double lr : LEARNING_RATES) {
                    Map<String, double[]> grads = new LinkedHashMap<>();
                    // gradients over six orders of magnitude, one exactly zero
                    expected.forEach((name, p) -> grads.put(name, randoms(r, p.length, Math.pow(10, r.nextInt(6) - 3), float32)));
                    grads.get("layer.bias")[1] = 0;
                    TestTensors.setGradients(params, grads);
                    adam.step(lr);
                    reference.step(expected, grads, lr);
                }
                Map<String, double[]> actual = TestTensors.values(params);
                for (String name : expected.keySet()) {
                    if (float32) {
                        assertClose(expected.get(name), actual.get(name), 1e-7, name);
                        assertClose(reference.m.get(name), TestTensors.values(Map.of("m", adam.state().firstMoment(name))).get("m"), 1e-7, name);
                    } else {
                        assertArrayEquals(reference.m.get(name), adam.state().firstMoment(name).toDoubleArray(), 0.0, name);
                        assertArrayEquals(reference.v.get(name), adam.state().secondMoment(name).toDoubleArray(), 0.0, name);
                        assertArrayEquals(expected.get(name), actual.get(name), 0.0, name + " is exact in float64");
                    }
                }
            }
        }
    }

    @Test
    void updatesParametersInPlaceSoTheModelKeepsItsArrays() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2, 3}, 3);
            Map<String, NDArray> params = Map.of("w", w);
            TestTensors.setGradients(params, Map.of("w", new double[] {1, -1, 1}));
            try (AdamW adam = AdamW.withDefaults(params)) {
                adam.step(0.5);
            }
            assertSame(w, params.get("w"));
            // decayed by (1 − 0.5·0.01), then moved by ≈ lr against the gradient's sign
            assertArrayEquals(new float[] {0.495f, 2.49f, 2.485f}, w.toFloatArray(), 1e-6f, "the array the caller holds moved");
            assertTrue(w.hasGradient(), "still a trainable leaf");
        }
    }

    @Test
    void saveThenLoadThenContinueEqualsAnUninterruptedRunBitForBit() {
        int steps = LEARNING_RATES.length;
        int interruptAt = 3;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Random r = new Random(11);
            double[] init = randoms(r, 10, 1.0, true);
            double[][] grads = new double[steps][];
            for (int s = 0; s < steps; s++) {
                grads[s] = randoms(r, 10, 0.1, true);
            }
            Map<String, NDArray> straight = Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, init, 2, 5));
            try (AdamW adam = AdamW.withDefaults(straight)) {
                for (int s = 0; s < steps; s++) {
                    TestTensors.setGradients(straight, Map.of("w", grads[s]));
                    adam.step(LEARNING_RATES[s]);
                }
            }
            Map<String, NDArray> first = Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, init, 2, 5));
            try (AdamW adam = AdamW.withDefaults(first)) {
                for (int s = 0; s < interruptAt; s++) {
                    TestTensors.setGradients(first, Map.of("w", grads[s]));
                    adam.step(LEARNING_RATES[s]);
                }
                adam.save(tmp);
            }
            Map<String, NDArray> resumed = Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, first.get("w").toType(DataType.FLOAT64, true).toDoubleArray(), 2, 5));
            try (AdamW adam = AdamW.withDefaults(resumed)) {
                adam.load(tmp);
                assertEquals(interruptAt, adam.stepCount());
                for (int s = interruptAt; s < steps; s++) {
                    TestTensors.setGradients(resumed, Map.of("w", grads[s]));
                    adam.step(LEARNING_RATES[s]);
                }
            }
            assertArrayEquals(bits(straight.get("w")), bits(resumed.get("w")), "resumed parameters are bit-identical");
        }
    }

    @Test
    void loadingACorruptOptimizerFileNamesIt() throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> params = Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2, 3, 4}, 4));
            TestTensors.setGradients(params, Map.of("w", new double[] {1, 1, 1, 1}));
            try (AdamW adam = AdamW.withDefaults(params)) {
                adam.step(1e-3);
                adam.save(tmp);
                Path file = tmp.resolve(OptimizerState.TENSORS_FILE);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() - 5);
                }
                Reason4jException e = assertThrows(Reason4jException.class, () -> adam.load(tmp));
                assertTrue(e.getMessage().contains(OptimizerState.TENSORS_FILE), e.getMessage());
                assertEquals(1, adam.stepCount(), "the failed load left the state alone");
            }
        }
    }

    @Test
    void loadingStateOfOtherParametersSaysSo() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            try (AdamW adam = AdamW.withDefaults(Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2}, 2)))) {
                adam.save(tmp);
            }
            try (AdamW other = AdamW.withDefaults(Map.of("v", TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2}, 2)))) {
                Reason4jException e = assertThrows(Reason4jException.class, () -> other.load(tmp));
                assertTrue(e.getMessage().contains("optimizer.json") && e.getMessage().contains("missing e.g. v"), e.getMessage());
            }
            try (AdamW other = AdamW.withDefaults(Map.of("w", TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2, 3}, 3)))) {
                Reason4jException e = assertThrows(Reason4jException.class, () -> other.load(tmp));
                assertTrue(e.getMessage().contains("shape"), e.getMessage());
            }
        }
    }

    @Test
    void aParameterWithoutGradientFailsTheStepBeforeAnythingChanges() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("a", TestTensors.parameter(m, DataType.FLOAT32, new double[] {1, 2}, 2));
            params.put("frozen", m.create(new float[] {3, 4}));
            TestTensors.setGradients(Map.of("a", params.get("a")), Map.of("a", new double[] {1, 1}));
            try (AdamW adam = AdamW.withDefaults(params)) {
                Reason4jException e = assertThrows(Reason4jException.class, () -> adam.step(0.1));
                assertTrue(e.getMessage().contains("frozen") && e.getMessage().contains("setRequiresGradient"), e.getMessage());
                assertEquals(0, adam.stepCount());
                assertArrayEquals(new float[] {1, 2}, params.get("a").toFloatArray(), 0f);
            }
        }
    }

    @Test
    void invalidHyperParametersAreRejectedNamingTheField() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> new AdamWConfig(1.0, 0.999, 1e-8, 0.01));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> AdamWConfig.defaults().withWeightDecay(-1));
        assertTrue(e.getMessage().contains("weightDecay"), e.getMessage());
        assertEquals(0.01, AdamWConfig.defaults().weightDecay(), "PyTorch's default");
    }

    @Test
    void defaultDecayPolicySkipsNormsAndBiasesOnly() {
        DecayPolicy policy = DecayPolicy.exceptNormsAndBiases();
        assertTrue(policy.decays("model.embed_tokens.weight"));
        assertTrue(policy.decays("model.layers.0.self_attn.q_proj.weight"));
        assertTrue(policy.decays("lm_head.weight"));
        for (String name : new String[] {"model.layers.0.self_attn.q_proj.bias", "model.layers.0.input_layernorm.weight",
            "model.layers.0.post_attention_layernorm.weight", "model.layers.1.self_attn.q_norm.weight", "model.norm.weight"}) {
            assertTrue(!policy.decays(name), name);
        }
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double[] randoms(Random r, int n, double scale, boolean float32) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian() * scale;
            out[i] = float32 ? (float) x : x;
        }
        return out;
    }

    private static int[] bits(NDArray a) {
        float[] values = a.toFloatArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
