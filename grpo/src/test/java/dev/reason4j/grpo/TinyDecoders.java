package dev.reason4j.grpo;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A Qwen2 decoder small enough for unit tests (with q/k/v biases, so the decay policy has something to skip), and batches for it. */
public final class TinyDecoders {
    public static final int VOCAB = 23;

    private TinyDecoders() {
    }

    public static ModelConfig config() {
        return ModelConfig.create(ModelFamily.QWEN2, VOCAB, 16, 24, 2, 4, 2, 4, 10000.0, false, 64, 1, List.of(2));
    }

    /** A random model whose parameters all require gradients; the caller closes it. */
    public static DecoderModel model(long seed, DataType dtype) {
        DecoderModel model = ModelInit.random(config(), seed, 0.3, Device.cpu(), dtype);
        requireGradients(model.parameters());
        return model;
    }

    public static void requireGradients(Map<String, NDArray> parameters) {
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    /**
     * A padded batch: row r holds {@code lengths[r]} real tokens, drawn from {@code seed}, right-padded to T;
     * every position 1..T-1 is scored and weighted 1 when real, 0 when padding.
     */
    public record Batch(long[] ids, long[] mask, long[] positions, double[] weights, int rows, int length) {
        public static Batch random(long seed, int... lengths) {
            Random r = new Random(seed);
            int t = 0;
            for (int l : lengths) {
                t = Math.max(t, l);
            }
            int b = lengths.length;
            long[] ids = new long[b * t];
            long[] mask = new long[b * t];
            long[] positions = new long[b * (t - 1)];
            double[] weights = new double[b * (t - 1)];
            for (int row = 0; row < b; row++) {
                for (int i = 0; i < t; i++) {
                    boolean real = i < lengths[row];
                    ids[row * t + i] = real ? r.nextInt(VOCAB) : 0;
                    mask[row * t + i] = real ? 1 : 0;
                    if (i >= 1) {
                        positions[row * (t - 1) + i - 1] = i;
                        weights[row * (t - 1) + i - 1] = real ? 1 : 0;
                    }
                }
            }
            return new Batch(ids, mask, positions, weights, b, t);
        }

        /** Rows [from, to) as a batch of their own (same length T). */
        public Batch rows(int from, int to) {
            int t = length;
            return new Batch(java.util.Arrays.copyOfRange(ids, from * t, to * t), java.util.Arrays.copyOfRange(mask, from * t, to * t),
                    java.util.Arrays.copyOfRange(positions, from * (t - 1), to * (t - 1)),
                    java.util.Arrays.copyOfRange(weights, from * (t - 1), to * (t - 1)), to - from, t);
        }

        public double scoredTokens() {
            double n = 0;
            for (double w : weights) {
                n += w;
            }
            return n;
        }
    }

    /**
     * Runs one forward and backward of the token-mean negative log-likelihood Σ −log p · w / normalizer,
     * adding to the parameters' gradients.
     *
     * @return the loss
     */
    public static double backward(DecoderModel model, Batch batch, double normalizer) {
        try (NDManager m = model.manager().newSubManager()) {
            NDArray ids = m.create(batch.ids(), new Shape(batch.rows(), batch.length()));
            NDArray mask = m.create(batch.mask(), new Shape(batch.rows(), batch.length()));
            NDArray positions = m.create(batch.positions(), new Shape(batch.rows(), batch.length() - 1));
            NDArray weights = m.create(batch.weights(), new Shape(batch.rows(), batch.length() - 1)).toType(model.dataType(), false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = model.tokenLogProbs(ids, mask, positions, 1.0).mul(weights).sum().neg().div(normalizer);
                gc.backward(loss);
                return loss.toType(DataType.FLOAT64, false).getDouble();
            }
        }
    }

    /** Every parameter's values as doubles, by name, for exact comparisons. */
    public static Map<String, double[]> snapshot(Map<String, NDArray> tensors) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, t.toType(DataType.FLOAT64, false).toDoubleArray()));
        return out;
    }

    /** Every parameter's gradient as doubles, by name. */
    public static Map<String, double[]> gradients(Map<String, NDArray> parameters) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            try (NDArray g = p.getGradient()) {
                out.put(name, g.toType(DataType.FLOAT64, false).toDoubleArray());
            }
        });
        return out;
    }
}
