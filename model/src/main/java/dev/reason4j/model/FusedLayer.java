package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * A layer's projections concatenated so one matmul does q, k and v and one does gate and up, and
 * Qwen3's q/k norm weights stacked per head so one norm covers both. Built inside the training graph
 * (gradients flow back through the concatenation to the HF-named tensors) or once per generation and
 * kept in the {@link KvCache}.
 *
 * @param qkvWeight    (nh·hd + 2·nkv·hd, H)
 * @param qkvBias      (nh·hd + 2·nkv·hd) or null
 * @param qkNorm       (nh + nkv, hd) or null
 * @param gateUpWeight (2·I, H)
 * @param gateUpBias   (2·I) or null
 */
record FusedLayer(NDArray qkvWeight, NDArray qkvBias, NDArray qkNorm, NDArray gateUpWeight, NDArray gateUpBias) {

    static FusedLayer of(DecoderLayer w, int numHeads, int numKvHeads) {
        NDArray qkvBias = w.qBias() == null ? null : NDArrays.concat(new NDList(w.qBias(), w.kBias(), w.vBias()), 0);
        NDArray qkNorm = w.qNorm() == null ? null
                : NDArrays.concat(new NDList(w.qNorm().expandDims(0).repeat(0, numHeads), w.kNorm().expandDims(0).repeat(0, numKvHeads)), 0);
        NDArray gateUpBias = w.gateBias() == null ? null : NDArrays.concat(new NDList(w.gateBias(), w.upBias()), 0);
        return new FusedLayer(NDArrays.concat(new NDList(w.qWeight(), w.kWeight(), w.vWeight()), 0), qkvBias, qkNorm,
                NDArrays.concat(new NDList(w.gateWeight(), w.upWeight()), 0), gateUpBias);
    }

    NDList arrays() {
        NDList list = new NDList(qkvWeight, gateUpWeight);
        for (NDArray a : new NDArray[] {qkvBias, qkNorm, gateUpBias}) {
            if (a != null) {
                list.add(a);
            }
        }
        return list;
    }
}
