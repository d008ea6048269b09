package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Reason4jException;

/**
 * Keys and values of every layer for a batch of sequences, allocated once for {@code capacity}
 * slots and filled in place as tokens are decoded. Slot j of row b holds the j-th token fed for
 * that row; padding slots are remembered in a key mask so attention skips them.
 *
 * <p>The cache owns its native memory; close it when generation ends.
 */
public final class KvCache implements AutoCloseable {
    /** Added to the attention score of a padding slot; a large negative rather than −∞ so an all-padding row stays finite. */
    static final double MASKED = -1e9;

    private final NDManager manager;
    private final int capacity;
    private NDArray[] keys; // per layer (B, n_kv_heads, head_dim, capacity): transposed, so q·Kᵀ reads it in order
    private NDArray[] values; // per layer (B, n_kv_heads, capacity, head_dim)
    private NDArray keyBias; // (B, capacity) model dtype: 0 where a real token sits, MASKED for padding
    private NDArray nextPositions; // (B, 1) int64: the position id the row's next real token gets
    private FusedWeights fused; // given, or built on first use in this cache's manager; the weights do not change during a generation
    private int length;

    private KvCache(NDManager manager, int capacity, NDArray[] keys, NDArray[] values, NDArray keyBias, NDArray nextPositions,
                    FusedWeights shared) {
        this.manager = manager;
        this.capacity = capacity;
        this.keys = keys;
        this.values = values;
        this.keyBias = keyBias;
        this.nextPositions = nextPositions;
        this.fused = shared;
    }

    /** Allocates an empty cache for {@code batch} rows of up to {@code capacity} tokens each. */
    public static KvCache allocate(ModelConfig config, NDManager parent, int batch, int capacity, DataType dtype) {
        return allocate(config, parent, batch, capacity, dtype, null);
    }

    /**
     * As {@link #allocate(ModelConfig, NDManager, int, int, DataType)}, reading the fused projections from
     * {@code shared} (which the caller keeps open while the cache is used) instead of fusing its own.
     */
    public static KvCache allocate(ModelConfig config, NDManager parent, int batch, int capacity, DataType dtype,
                                   FusedWeights shared) {
        if (batch <= 0 || capacity <= 0) {
            throw new Reason4jException("KV cache needs batch > 0 and capacity > 0, got " + batch + " and " + capacity);
        }
        NDManager m = parent.newSubManager();
        Shape keyShape = new Shape(batch, config.numKvHeads(), config.headDim(), capacity);
        Shape valueShape = new Shape(batch, config.numKvHeads(), capacity, config.headDim());
        NDArray[] k = new NDArray[config.numLayers()];
        NDArray[] v = new NDArray[config.numLayers()];
        for (int i = 0; i < k.length; i++) {
            k[i] = m.zeros(keyShape, dtype);
            v[i] = m.zeros(valueShape, dtype);
        }
        return new KvCache(m, capacity, k, v, m.full(new Shape(batch, capacity), (float) MASKED, dtype),
                m.zeros(new Shape(batch, 1), DataType.INT64), shared);
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    public long batchSize() {
        return keyBias.getShape().get(0);
    }

    /** (B, 1) position id of each row's next real token. Owned by the cache. */
    NDArray nextPositions() {
        return nextPositions;
    }

    /**
     * The layer's fused projections, made once per cache: concatenating weights every decode step would
     * copy a third of the model per token. Valid as long as the weights do not change under the cache.
     */
    FusedLayer fused(int layer, DecoderModel model) {
        if (fused == null) {
            fused = FusedWeights.of(model, manager);
        }
        return fused.layer(layer);
    }

    /**
     * Records the additive key bias (B, T) of new tokens (0 real, {@link #MASKED} padding); returns the
     * bias over all S = length + T slots (a view owned by the cache).
     */
    NDArray appendBias(NDArray bias) {
        int t = (int) bias.getShape().get(1);
        if (length + t > capacity) {
            throw new Reason4jException("KV cache is full: " + length + " + " + t + " tokens exceed its capacity of " + capacity
                    + "; allocate it with a larger capacity (prompt length + max new tokens)");
        }
        keyBias.set(new NDIndex(":, {}:{}", length, length + t), bias);
        return keyBias.get(new NDIndex(":, :{}", length + t));
    }

    /**
     * Writes one layer's new keys (B, n_kv, head_dim, T), already transposed, and values
     * (B, n_kv, T, head_dim) at the current length; returns views of all filled slots: keys as
     * (B, n_kv, head_dim, S) and values as (B, n_kv, S, head_dim).
     */
    NDArray[] write(int layer, NDArray newKeysTransposed, NDArray newValues) {
        int t = (int) newValues.getShape().get(2);
        keys[layer].set(new NDIndex(":, :, :, {}:{}", length, length + t), newKeysTransposed);
        values[layer].set(new NDIndex(":, :, {}:{}", length, length + t), newValues);
        return new NDArray[] {keys[layer].get(new NDIndex(":, :, :, :{}", length + t)), values[layer].get(new NDIndex(":, :, :{}", length + t))};
    }

    /** Moves the cache past {@code mask}'s tokens once every layer has written them. */
    void advance(NDArray mask) {
        nextPositions.addi(mask.sum(new int[] {1}, true));
        length += (int) mask.getShape().get(1);
    }

    /**
     * Keeps only the given rows (in that order), e.g. to drop finished sequences from a batch or to
     * copy a prompt's prefilled cache to its G samples (a row may repeat).
     */
    public void selectRows(int[] rows) {
        if (rows.length == 0) {
            throw new Reason4jException("selectRows needs at least one row");
        }
        NDArray index = manager.create(java.util.Arrays.stream(rows).asLongStream().toArray());
        for (int i = 0; i < keys.length; i++) {
            keys[i] = replace(keys[i], keys[i].get(index));
            values[i] = replace(values[i], values[i].get(index));
        }
        keyBias = replace(keyBias, keyBias.get(index));
        nextPositions = replace(nextPositions, nextPositions.get(index));
        index.close();
    }

    private NDArray replace(NDArray old, NDArray fresh) {
        fresh.attach(manager);
        old.close();
        return fresh;
    }

    @Override
    public void close() {
        manager.close();
    }
}
