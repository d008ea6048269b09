package dev.reason4j.grpo.train;

import ai.djl.ndarray.NDManager;
import dev.reason4j.model.DecoderModel;

/**
 * The frozen policy of GRPO's KL term: log π_ref of each completion token, computed without gradient
 * once per batch. Owns its model copy.
 */
public final class ReferencePolicy implements AutoCloseable {
    private final DecoderModel model;

    public ReferencePolicy(DecoderModel frozen) {
        this.model = frozen;
        frozen.parameters().values().forEach(p -> p.setRequiresGradient(false));
    }

    /** (B, L) log π_ref, row-major, laid out like {@link PolicyBatch#oldLogProbs()}. */
    public float[] logProbs(PolicyBatch batch, double temperature, int microBatch) {
        float[] out = new float[batch.rows() * batch.length()];
        for (int from = 0; from < batch.rows(); from += microBatch) {
            int n = Math.min(microBatch, batch.rows() - from);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = from + i;
            }
            try (NDManager m = model.manager().newSubManager()) {
                PolicyBatch.Tensors t = batch.toDevice(m, rows);
                float[] lp = model.tokenLogProbs(t.tokens(), t.attention(), t.positions(), temperature).toFloatArray();
                System.arraycopy(lp, 0, out, from * batch.length(), lp.length);
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
