package dev.reason4j.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Every layer's fused projections (see {@link KvCache}), built once and shared read-only by several
 * caches decoding at once, so parallel decode lanes hold one copy of them rather than one each. Valid
 * while the model's weights do not change; close it when those caches are done.
 */
public final class FusedWeights implements AutoCloseable {
    private final NDManager manager;
    private final FusedLayer[] layers;

    private FusedWeights(NDManager manager, FusedLayer[] layers) {
        this.manager = manager;
        this.layers = layers;
    }

    /** Fuses every layer of {@code model} now. */
    public static FusedWeights of(DecoderModel model) {
        return of(model, model.manager());
    }

    /** As {@link #of(DecoderModel)}, with the arrays in a sub-manager of {@code parent} (closed with it). */
    static FusedWeights of(DecoderModel model, NDManager parent) {
        NDManager m = parent.newSubManager();
        FusedLayer[] layers = new FusedLayer[model.config().numLayers()];
        try {
            for (int i = 0; i < layers.length; i++) {
                FusedLayer f = model.fuseForInference(i);
                f.arrays().attach(m);
                NDScope.unregister(f.arrays());
                layers[i] = f;
            }
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        return new FusedWeights(m, layers);
    }

    FusedLayer layer(int i) {
        return layers[i];
    }

    @Override
    public void close() {
        manager.close();
    }
}
