package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
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
    private final NDManager manager;
    private final int capacity;
    private NDArray[] keys; // per layer (B, n_kv_heads, capacity, head_dim)
    private NDArray[] values; // per layer (B, n_kv_heads, capacity, head_dim)
    private NDArray keyMask; // (B, capacity) int64: 1 where a real token sits
    private NDArray nextPositions; // (B, 1) int64: the position id the row's next real token gets
    private final FusedLayer[] fused; // built on first use; the weights do not change during a generation
    private int length;

    private KvCache(NDManager manager, int capacity, NDArray[] keys, NDArray[] values, NDArray keyMask, NDArray nextPositions) {
        this.manager = manager;
        this.capacity = capacity;
        this.keys = keys;
        this.values = values;
        this.keyMask = keyMask;
        this.nextPositions = nextPositions;
        this.fused = new FusedLayer[keys.length];
    }

    /** Allocates an empty cache for {@code batch} rows of up to {@code capacity} tokens each. */
    public static KvCache allocate(ModelConfig config, NDManager parent, int batch, int capacity, DataType dtype) {
        if (batch <= 0 || capacity <= 0) {
            throw new Reason4jException("KV cache needs batch > 0 and capacity > 0, got " + batch + " and " + capacity);
        }
        NDManager m = parent.newSubManager();
        Shape shape = new Shape(batch, config.numKvHeads(), capacity, config.headDim());
        NDArray[] k = new NDArray[config.numLayers()];
        NDArray[] v = new NDArray[config.numLayers()];
        for (int i = 0; i < k.length; i++) {
            k[i] = m.zeros(shape, dtype);
            v[i] = m.zeros(shape, dtype);
        }
        return new KvCache(m, capacity, k, v, m.zeros(new Shape(batch, capacity), DataType.INT64),
                m.zeros(new Shape(batch, 1), DataType.INT64));
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    public long batchSize() {
        return keyMask.getShape().get(0);
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
        if (fused[layer] == null) {
            FusedLayer f = model.fuseForInference(layer);
            f.arrays().attach(manager);
            NDScope.unregister(f.arrays());
            fused[layer] = f;
        }
        return fused[layer];
    }

    /** Records that {@code mask} (B, T) of new tokens follows; returns the key mask over all S = length + T slots (a view owned by the cache). */
    NDArray appendMask(NDArray mask) {
        int t = (int) mask.getShape().get(1);
        if (length + t > capacity) {
            throw new Reason4jException("KV cache is full: " + length + " + " + t + " tokens exceed its capacity of " + capacity
                    + "; allocate it with a larger capacity (prompt length + max new tokens)");
        }
        keyMask.set(new NDIndex(":, {}:{}", length, length + t), mask);
        return keyMask.get(new NDIndex(":, :{}", length + t));
    }

    /** Writes one layer's new keys and values (B, n_kv, T, head_dim) at the current length and returns views of all filled slots. */
    NDArray[] write(int layer, NDArray newKeys, NDArray newValues) {
        int t = (int) newKeys.getShape().get(2);
        NDIndex slots = new NDIndex(":, :, {}:{}", length, length + t);
        keys[layer].set(slots, newKeys);
        values[layer].set(slots, newValues);
        NDIndex filled = new NDIndex(":, :, :{}", length + t);
        return new NDArray[] {keys[layer].get(filled), values[layer].get(filled)};
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
        keyMask = replace(keyMask, keyMask.get(index));
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
