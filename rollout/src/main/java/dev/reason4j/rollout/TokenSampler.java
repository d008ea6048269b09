package dev.reason4j.rollout;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Draws one token per row from next-token logits, every row with its own sampling parameters and
 * its own uniform. Warping and sampling stay on the device: only the chosen ids and their
 * log-probs come back to the JVM. Sampling is inverse-CDF with the given uniform, which is exact
 * (up to float rounding of the cumulative sum) and reproducible.
 */
final class TokenSampler {

    /** Chosen tokens and log π(token) at each row's log-prob temperature, before truncation. */
    record Sampled(long[] tokens, float[] logProbs) {
    }

    private TokenSampler() {
    }

    /**
     * @param logits   (R, V) raw next-token logits
     * @param params   one per row
     * @param uniforms one per row, in [0, 1)
     */
    static Sampled sample(NDArray logits, List<SamplingParams> params, double[] uniforms) {
        int rows = params.size();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager m = logits.getManager();
            float[] temps = new float[rows];
            float[] topP = new float[rows];
            float[] minP = new float[rows];
            long[] topK = new long[rows];
            boolean anyTopK = false;
            boolean anyTopP = false;
            boolean anyMinP = false;
            boolean anyGreedy = false;
            long vocab = logits.getShape().get(1);
            for (int r = 0; r < rows; r++) {
                SamplingParams p = params.get(r);
                temps[r] = (float) p.logProbTemperature();
                topP[r] = (float) p.topP();
                minP[r] = (float) p.minP();
                topK[r] = p.topK() == 0 ? vocab : Math.min(p.topK(), vocab);
                anyTopK |= p.topK() > 0 && p.topK() < vocab;
                anyTopP |= p.topP() < 1;
                anyMinP |= p.minP() > 0;
                anyGreedy |= p.greedy();
            }
            NDArray scaled = logits.toType(DataType.FLOAT32, false).div(m.create(temps, new Shape(rows, 1))); // (R, V)
            NDArray logProbs = scaled.logSoftmax(-1); // (R, V): π at the sampling temperature, untruncated
            NDArray warped = truncate(scaled, topK, topP, minP, anyTopK, anyTopP, anyMinP);
            NDArray probs = warped.softmax(-1); // (R, V)
            NDArray cdf = probs.cumSum(1); // (R, V)
            NDArray total = cdf.get(":, -1:"); // (R, 1)
            float[] u = new float[rows];
            for (int r = 0; r < rows; r++) {
                u[r] = (float) uniforms[r];
            }
            NDArray threshold = m.create(u, new Shape(rows, 1)).mul(total);
            NDArray chosen = cdf.lte(threshold).toType(DataType.INT64, false).sum(new int[] {1}).minimum(vocab - 1); // (R)
            if (anyGreedy) {
                boolean[] greedy = new boolean[rows];
                for (int r = 0; r < rows; r++) {
                    greedy[r] = params.get(r).greedy();
                }
                chosen = NDArrays.where(m.create(greedy), scaled.argMax(1), chosen);
            }
            NDArray chosenLogProbs = logProbs.gather(chosen.reshape(rows, 1), 1).reshape(rows); // (R)
            return new Sampled(chosen.toLongArray(), chosenLogProbs.toFloatArray());
        }
    }

    /** x where x ≥ threshold (per row), −∞ elsewhere. DJL's where does not broadcast, hence the full-size filler. */
    private static NDArray maskBelow(NDArray x, NDArray threshold) {
        return NDArrays.where(x.lt(threshold), negativeInfinity(x), x);
    }

    private static NDArray negativeInfinity(NDArray like) {
        return like.getManager().full(like.getShape(), Float.NEGATIVE_INFINITY, like.getDataType());
    }

    /** top-k, then top-p, then min-p, each as a per-row threshold below which logits become −∞. */
    private static NDArray truncate(NDArray scaled, long[] topK, float[] topP, float[] minP,
                                    boolean anyTopK, boolean anyTopP, boolean anyMinP) {
        NDManager m = scaled.getManager();
        int rows = topK.length;
        NDArray work = scaled;
        if (anyTopK || anyTopP) {
            NDArray sortedDesc = scaled.neg().sort(1).neg(); // (R, V)
            if (anyTopK) {
                long[] kIdx = new long[rows];
                for (int r = 0; r < rows; r++) {
                    kIdx[r] = topK[r] - 1;
                }
                NDArray kth = sortedDesc.gather(m.create(kIdx, new Shape(rows, 1)), 1); // (R, 1)
                work = maskBelow(work, kth);
                sortedDesc = maskBelow(sortedDesc, kth);
            }
            if (anyTopP) {
                NDArray sortedProbs = sortedDesc.softmax(-1);
                NDArray before = sortedProbs.cumSum(1).sub(sortedProbs); // probability mass strictly ahead of each token
                NDArray keep = before.lt(m.create(topP, new Shape(rows, 1)));
                NDArray kept = keep.toType(DataType.INT64, false).sum(new int[] {1}, true).maximum(1); // (R, 1)
                NDArray last = sortedDesc.gather(kept.sub(1), 1); // (R, 1) the least likely token kept
                work = maskBelow(work, last);
            }
        }
        if (anyMinP) {
            NDArray p = work.softmax(-1);
            NDArray floor = p.max(new int[] {1}, true).mul(m.create(minP, new Shape(rows, 1))); // (R, 1)
            work = NDArrays.where(p.lt(floor), negativeInfinity(work), work);
        }
        return work;
    }
}
