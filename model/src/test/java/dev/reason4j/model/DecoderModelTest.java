package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecoderModelTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("qwen2 untied", TinyModels.config(ModelFamily.QWEN2, false)),
                Arguments.of("qwen2 tied", TinyModels.config(ModelFamily.QWEN2, true)),
                Arguments.of("llama untied", TinyModels.config(ModelFamily.LLAMA, false)),
                Arguments.of("llama biases tied", TinyModels.llamaWithBiases(true)),
                Arguments.of("qwen3 tied", TinyModels.config(ModelFamily.QWEN3, true)),
                Arguments.of("qwen3 untied", TinyModels.config(ModelFamily.QWEN3, false)));
    }

    static long[] randomIds(int n, int vocab, long seed) {
        Random r = new Random(seed);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = r.nextInt(vocab);
        }
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void incrementalDecodingWithKvCacheReproducesFullSequenceLogits(String name, ModelConfig config) {
        try (DecoderModel model = TinyModels.model(config, 7, DataType.FLOAT32);
             NDManager m = model.manager().newSubManager()) {
            int n = 24;
            long[] ids = randomIds(n, config.vocabSize(), 3);
            float[] full = model.logits(m.create(ids, new Shape(1, n)), null).toFloatArray(); // (1, n, V)
            int v = config.vocabSize();
            try (KvCache cache = KvCache.allocate(config, m, 1, n, DataType.FLOAT32)) {
                int prefill = 9;
                NDArray h = model.hiddenStates(m.create(java.util.Arrays.copyOf(ids, prefill), new Shape(1, prefill)), null, cache);
                assertClose(slice(full, prefill - 1, v), model.lastLogits(h).toFloatArray(), 1e-5, name + " prefill");
                for (int t = prefill; t < n; t++) {
                    NDArray ht = model.hiddenStates(m.create(new long[] {ids[t]}, new Shape(1, 1)), null, cache);
                    assertClose(slice(full, t, v), model.lastLogits(ht).toFloatArray(), 1e-5, name + " step " + t);
                }
                assertEquals(n, cache.length());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void cachesSharingOneSetOfFusedWeightsDecodeExactlyLikeCachesWithTheirOwn() {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN3, false);
        try (DecoderModel model = TinyModels.model(config, 7, DataType.FLOAT32);
             NDManager m = model.manager().newSubManager();
             FusedWeights shared = FusedWeights.of(model)) {
            long[] ids = randomIds(16, config.vocabSize(), 5);
            float[][] results = new float[3][];
            for (int run = 0; run < 3; run++) {
                try (KvCache cache = KvCache.allocate(config, m, 2, 16, DataType.FLOAT32, run == 0 ? null : shared)) {
                    model.hiddenStates(m.create(java.util.Arrays.copyOf(ids, 12), new Shape(2, 6)), null, cache);
                    NDArray h = model.hiddenStates(m.create(java.util.Arrays.copyOfRange(ids, 12, 14), new Shape(2, 1)), null, cache);
                    results[run] = model.lastLogits(h).toFloatArray();
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(results[0], results[1], "shared weights give the same logits");
            org.junit.jupiter.api.Assertions.assertArrayEquals(results[1], results[2], "and survive a cache that used them being closed");
        }
    }

    /**
     * The model's scalar constants (attention scale, norm epsilon) must be memory libtorch owns. DJL's
     * {@code toType(sameType, true)} returns an alias of a Java buffer, which a garbage collection
     * frees under the model; a float64 model is where that happened.
     */
    @org.junit.jupiter.api.Test
    void float64ConstantsSurviveGarbageCollection() {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN2, false);
        try (DecoderModel model = TinyModels.model(config, 7, DataType.FLOAT64);
             NDManager m = model.manager().newSubManager()) {
            NDArray ids = m.create(randomIds(12, config.vocabSize(), 3), new Shape(1, 12));
            double[] before = model.logits(ids, null).toDoubleArray();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 200; i++) {
                    java.nio.ByteBuffer.allocateDirect(1 << 16).putDouble(0, 1e300);
                }
                System.gc();
                try (NDManager junk = m.newSubManager()) {
                    junk.create(new double[4096]).add(1e300);
                }
                double[] after = model.logits(ids, null).toDoubleArray();
                for (int i = 0; i < before.length; i++) {
                    assertEquals(before[i], after[i], 0.0, "logit " + i + " after GC round " + round);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void leftPaddedBatchedDecodingMatchesEachSequenceAlone(String name, ModelConfig config) {
        try (DecoderModel model = TinyModels.model(config, 11, DataType.FLOAT32);
             NDManager m = model.manager().newSubManager()) {
            int v = config.vocabSize();
            long[] a = randomIds(10, v, 5);
            long[] b = randomIds(4, v, 6);
            long[] next = {7, 9};
            // batch: row 0 = a, row 1 = 6 pads then b
            long[] batch = new long[20];
            long[] mask = new long[20];
            for (int i = 0; i < 10; i++) {
                batch[i] = a[i];
                mask[i] = 1;
            }
            for (int i = 0; i < 4; i++) {
                batch[10 + 6 + i] = b[i];
                mask[10 + 6 + i] = 1;
            }
            float[] batched;
            try (KvCache cache = KvCache.allocate(config, m, 2, 12, DataType.FLOAT32)) {
                model.hiddenStates(m.create(batch, new Shape(2, 10)), m.create(mask, new Shape(2, 10)), cache);
                NDArray h = model.hiddenStates(m.create(next, new Shape(2, 1)), null, cache);
                batched = model.lastLogits(h).toFloatArray();
            }
            for (int row = 0; row < 2; row++) {
                long[] seq = row == 0 ? a : b;
                long[] withNext = java.util.Arrays.copyOf(seq, seq.length + 1);
                withNext[seq.length] = next[row];
                float[] alone = model.logits(m.create(withNext, new Shape(1, withNext.length)), null).toFloatArray();
                assertClose(slice(alone, seq.length, v), java.util.Arrays.copyOfRange(batched, row * v, (row + 1) * v), 1e-5,
                        name + " row " + row);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void paddedTokenLogProbsEqualUnpaddedAndFullLogSoftmax(String name, ModelConfig config) {
        try (DecoderModel model = TinyModels.model(config, 13, DataType.FLOAT32);
             NDManager m = model.manager().newSubManager()) {
            int v = config.vocabSize();
            long[] a = randomIds(16, v, 8);
            long[] b = randomIds(9, v, 9);
            // right-padded batch (the training layout); score every real position ≥ 1
            long[] ids = new long[32];
            long[] mask = new long[32];
            long[] pos = new long[30];
            for (int i = 0; i < 16; i++) {
                ids[i] = a[i];
                mask[i] = 1;
            }
            for (int i = 0; i < 9; i++) {
                ids[16 + i] = b[i];
                mask[16 + i] = 1;
            }
            for (int i = 0; i < 15; i++) {
                pos[i] = i + 1;
                pos[15 + i] = i < 8 ? i + 1 : 1; // padding slots point at a valid position
            }
            model.setVocabChunk(16); // several chunks, last one partial
            float[] batched = model.tokenLogProbs(m.create(ids, new Shape(2, 16)), m.create(mask, new Shape(2, 16)),
                    m.create(pos, new Shape(2, 15)), 0.7).toFloatArray();
            model.setVocabChunk(DecoderModel.DEFAULT_VOCAB_CHUNK);
            for (int row = 0; row < 2; row++) {
                long[] seq = row == 0 ? a : b;
                double[] expected = logSoftmaxOracle(model, m, seq, 0.7);
                for (int i = 0; i < seq.length - 1; i++) {
                    assertEquals(expected[i], batched[row * 15 + i], 1e-5, name + " row " + row + " pos " + (i + 1));
                }
            }
        }
    }

    /** log p(seq[i+1] | seq[≤i]) from the full logits, computed in double on the JVM. */
    static double[] logSoftmaxOracle(DecoderModel model, NDManager m, long[] seq, double temperature) {
        int v = model.config().vocabSize();
        float[] logits = model.logits(m.create(seq, new Shape(1, seq.length)), null).toFloatArray();
        double[] out = new double[seq.length - 1];
        for (int i = 0; i + 1 < seq.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, logits[i * v + j] / temperature);
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(logits[i * v + j] / temperature - max);
            }
            out[i] = logits[i * v + (int) seq[i + 1]] / temperature - max - Math.log(sum);
        }
        return out;
    }

    static float[] slice(float[] all, int position, int v) {
        return java.util.Arrays.copyOfRange(all, position * v, (position + 1) * v);
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol, what + ": max |diff| " + worst + " > " + tol);
    }

    static NDIndex all() {
        return new NDIndex();
    }
}
