package dev.reason4j.grpo.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.grpo.TinyDecoders;
import dev.reason4j.grpo.TinyDecoders.Batch;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ParameterNames;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On a tiny decoder in float64: micro-batch accumulation, zeroing, and AdamW updating the model's own arrays. */
class GradientAccumulationTest {
    /** Four rows of different real lengths (right padding), so the token-mean normaliser matters. */
    private static final Batch BATCH = Batch.random(5, 7, 5, 3, 6);

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {2, 4})
    void accumulatingKMicroBatchesEqualsOneBigBatch(int k) {
        try (DecoderModel model = TinyDecoders.model(3, DataType.FLOAT64)) {
            Map<String, NDArray> params = model.parameters();
            double normalizer = BATCH.scoredTokens(); // the whole batch's token count, as DAPO's token mean
            double bigLoss = TinyDecoders.backward(model, BATCH, normalizer);
            Map<String, double[]> big = TinyDecoders.gradients(params);

            Gradients.zero(params);
            double summedLoss = 0;
            int rowsPerMicroBatch = BATCH.rows() / k;
            for (int i = 0; i < k; i++) {
                summedLoss += TinyDecoders.backward(model, BATCH.rows(i * rowsPerMicroBatch, (i + 1) * rowsPerMicroBatch), normalizer);
            }
            Map<String, double[]> accumulated = TinyDecoders.gradients(params);

            assertEquals(bigLoss, summedLoss, 1e-12 * Math.abs(bigLoss));
            assertGradientsEqual(big, accumulated, 1e-11);
        }
    }

    @Test
    void zeroingBetweenStepsLeavesNoResidueOfThePreviousBatch() {
        try (DecoderModel model = TinyDecoders.model(3, DataType.FLOAT64)) {
            Map<String, NDArray> params = model.parameters();
            TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
            Map<String, double[]> once = TinyDecoders.gradients(params);
            TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
            Map<String, double[]> twice = TinyDecoders.gradients(params);
            Map<String, double[]> doubled = new LinkedHashMap<>();
            once.forEach((name, g) -> doubled.put(name, java.util.Arrays.stream(g).map(x -> 2 * x).toArray()));
            assertGradientsEqual(doubled, twice, 1e-12);

            Gradients.zero(params);
            TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
            assertGradientsEqual(once, TinyDecoders.gradients(params), 0.0);
        }
    }

    @Test
    void anAdamWStepMovesTheModelsOwnArraysAndLowersTheLoss() {
        try (DecoderModel model = TinyDecoders.model(3, DataType.FLOAT64);
             AdamW adam = AdamW.withDefaults(model.parameters())) {
            Map<String, NDArray> before = new LinkedHashMap<>(model.parameters());
            Map<String, double[]> valuesBefore = TinyDecoders.snapshot(model.parameters());
            double loss = TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
            double norm = Gradients.clipGlobalNorm(model.parameters(), 1.0);
            assertTrue(Double.isFinite(norm) && norm > 0, "norm " + norm);
            adam.step(1e-2);
            Gradients.zero(model.parameters());
            double after = TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
            assertTrue(after < loss, "loss " + loss + " → " + after);
            before.forEach((name, p) -> assertSame(p, model.parameters().get(name), name));
            Map<String, double[]> valuesAfter = TinyDecoders.snapshot(model.parameters());
            valuesBefore.forEach((name, v) -> assertNotEquals(v[0], valuesAfter.get(name)[0], name + " moved"));
        }
    }

    @Test
    void repeatedStepsLeaveNoArraysBehindOnTheModelOrTheOptimizer() {
        try (DecoderModel model = TinyDecoders.model(3, DataType.FLOAT32);
             AdamW adam = AdamW.withDefaults(model.parameters())) {
            Map<String, NDArray> params = model.parameters();
            var stateManager = adam.state().firstMoment(ParameterNames.EMBED).getManager();
            trainStep(model, adam);
            int modelArrays = model.manager().getManagedArrays().size();
            int stateArrays = stateManager.getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                trainStep(model, adam);
                Gradients.globalNorm(params);
            }
            assertEquals(modelArrays, model.manager().getManagedArrays().size(), "no arrays accumulate on the model");
            assertEquals(stateArrays, stateManager.getManagedArrays().size(), "no arrays accumulate on the optimizer");
            assertEquals(2 * params.size(), stateArrays, "the optimizer holds two moments per parameter");
        }
    }

    private static void trainStep(DecoderModel model, AdamW adam) {
        Gradients.zero(model.parameters());
        TinyDecoders.backward(model, BATCH, BATCH.scoredTokens());
        Gradients.clipGlobalNorm(model.parameters(), 0.1);
        adam.step(1e-3);
    }

    private static void assertGradientsEqual(Map<String, double[]> expected, Map<String, double[]> actual, double relative) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, e) -> {
            double[] a = actual.get(name);
            double scale = java.util.Arrays.stream(e).map(Math::abs).max().orElse(0);
            assertTrue(scale > 0, name + " has a gradient");
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], relative * scale, name + "[" + i + "]");
            }
        });
    }
}
