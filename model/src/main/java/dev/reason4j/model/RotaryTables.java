package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * cos/sin tables of rotary position embeddings, computed once in double precision and grown on
 * demand (a 128k-context config would otherwise allocate hundreds of MB up front). Rows follow HF's
 * rotate-half convention: the half-size frequency vector is repeated across both halves.
 */
final class RotaryTables {
    private static final int INITIAL_ROWS = 2048;

    private final NDManager manager;
    private final double[] inverseFrequencies;
    private final int headDim;
    private final int maxPositions;
    private final DataType dtype;
    private NDArray cos; // (rows, head_dim)
    private NDArray sin; // (rows, head_dim)
    private int rows;

    RotaryTables(NDManager manager, ModelConfig config, DataType dtype) {
        this.manager = manager;
        this.headDim = config.headDim();
        this.inverseFrequencies = config.ropeScaling().inverseFrequencies(config.ropeTheta(), headDim);
        this.maxPositions = config.maxPositionEmbeddings();
        this.dtype = dtype;
        build(Math.min(INITIAL_ROWS, maxPositions));
    }

    /** Makes sure positions below {@code needed} are covered. */
    synchronized void ensure(long needed) {
        if (needed > rows) {
            int grown = (int) Math.min(Math.max(needed, 2L * rows), Math.max(needed, maxPositions));
            cos.close();
            sin.close();
            build(grown);
        }
    }

    NDArray cos() {
        return cos;
    }

    NDArray sin() {
        return sin;
    }

    private void build(int n) {
        int half = headDim / 2;
        double[] c = new double[n * headDim];
        double[] s = new double[n * headDim];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < half; j++) {
                double angle = p * inverseFrequencies[j];
                double cj = Math.cos(angle);
                double sj = Math.sin(angle);
                c[p * headDim + j] = cj;
                c[p * headDim + j + half] = cj;
                s[p * headDim + j] = sj;
                s[p * headDim + j + half] = sj;
            }
        }
        Shape shape = new Shape(n, headDim);
        try (NDManager tmp = manager.newSubManager()) {
            cos = tmp.create(c, shape).toType(dtype, false);
            sin = tmp.create(s, shape).toType(dtype, false);
            cos.attach(manager);
            sin.attach(manager);
            // Tables may be grown inside a forward's NDScope; they belong to the model, not the scope.
            NDScope.unregister(cos, sin);
        }
        rows = n;
    }
}
