package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.DoubleBuffer;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central finite differences in float64 against autograd, for every parameter tensor, through the
 * training path (padded batch, chunked vocabulary, temperature ≠ 1).
 */
class GradientCheckTest {
    private static final double STEP = 1e-6;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("qwen2 untied", TinyModels.config(ModelFamily.QWEN2, false)),
                Arguments.of("llama biases tied", TinyModels.llamaWithBiases(true)),
                Arguments.of("qwen3 tied", TinyModels.config(ModelFamily.QWEN3, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void autogradMatchesFiniteDifferencesForEveryParameterTensor(String name, ModelConfig config) {
        try (DecoderModel model = ModelInit.random(config, 21, 0.3, ai.djl.Device.cpu(), DataType.FLOAT64);
             NDManager m = model.manager().newSubManager()) {
            model.setVocabChunk(20);
            // Norm weights start at exactly 1 and biases at 0; perturb them so their gradients are generic.
            Random r = new Random(5);
            for (NDArray p : model.parameters().values()) {
                double[] v = p.toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.1 * r.nextGaussian();
                }
                p.set(DoubleBuffer.wrap(v));
                p.setRequiresGradient(true);
            }
            long[] ids = DecoderModelTest.randomIds(20, config.vocabSize(), 4);
            long[] mask = new long[20];
            for (int i = 0; i < 20; i++) {
                mask[i] = i < 10 || i < 16 ? 1 : 0; // row 0: 10 real; row 1: 6 real then 4 pads
            }
            long[] positions = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 1, 1, 1, 1};
            double[] weights = new double[18];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = i % 9 < (i < 9 ? 9 : 5) ? r.nextGaussian() : 0; // padding slots weigh 0
            }
            NDArray idArray = m.create(ids, new Shape(2, 10));
            NDArray maskArray = m.create(mask, new Shape(2, 10));
            NDArray posArray = m.create(positions, new Shape(2, 9));
            NDArray weightArray = m.create(weights, new Shape(2, 9));

            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = model.tokenLogProbs(idArray, maskArray, posArray, 0.8).mul(weightArray).sum();
                gc.backward(loss);
            }
            int checked = 0;
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray p = e.getValue();
                double[] grad = p.getGradient().toDoubleArray();
                double[] values = p.toDoubleArray();
                for (int idx : probeIndices(grad, r)) {
                    double numeric = (loss(model, m, p, values, idx, STEP, idArray, maskArray, posArray, weightArray)
                            - loss(model, m, p, values, idx, -STEP, idArray, maskArray, posArray, weightArray)) / (2 * STEP);
                    double tol = 1e-6 + 1e-5 * Math.abs(numeric);
                    assertEquals(numeric, grad[idx], tol, name + ": d loss / d " + e.getKey() + "[" + idx + "]");
                    checked++;
                }
                p.set(DoubleBuffer.wrap(values));
            }
            assertTrue(checked >= 3 * model.parameters().size(), "probed every tensor");
        }
    }

    /** The element with the largest gradient plus two random ones. */
    private static int[] probeIndices(double[] grad, Random r) {
        int max = 0;
        for (int i = 1; i < grad.length; i++) {
            if (Math.abs(grad[i]) > Math.abs(grad[max])) {
                max = i;
            }
        }
        return new int[] {max, r.nextInt(grad.length), r.nextInt(grad.length)};
    }

    private static double loss(DecoderModel model, NDManager m, NDArray p, double[] values, int idx, double delta,
                               NDArray ids, NDArray mask, NDArray positions, NDArray weights) {
        double[] shifted = values.clone();
        shifted[idx] += delta;
        p.set(DoubleBuffer.wrap(shifted));
        try (NDManager step = m.newSubManager()) {
            NDArray i2 = ids.duplicate();
            i2.attach(step);
            return model.tokenLogProbs(i2, mask, positions, 0.8).mul(weights).sum().getDouble();
        }
    }
}
