package dev.reason4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.reason4j.core.Reason4jException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Qwen2 / Llama / Qwen3 decoder over DJL NDArrays, with HF's semantics (RMSNorm, rotate-half RoPE,
 * grouped-query attention, SwiGLU). It knows nothing about training: it computes hidden states,
 * next-token logits for generation (with a {@link KvCache}) and teacher-forced token log-probs.
 *
 * <p>Parameters are held by name (HF names) in this model's manager; a tied head is the embedding
 * tensor itself, so gradients from both uses accumulate on one array. Results of every method are
 * attached to the manager of the {@code inputIds} passed in: the caller closes them by closing
 * that manager (use one sub-manager per step). Intermediates are released when the call returns.
 */
public final class DecoderModel implements AutoCloseable {
    /** Rows of the output head multiplied at once when computing log-probs. */
    public static final int DEFAULT_VOCAB_CHUNK = 32768;

    private final ModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final DecoderLayer[] layers;
    private final NDArray embedding; // (V, H)
    private final NDArray finalNorm; // (H)
    private final NDArray head; // (V, H); the embedding itself when tied
    private final RotaryTables rope;
    private final DataType dtype;
    // Constants libtorch owns (see scalar()); made once, since every op with a Java Number builds a tensor per call.
    private final NDArray attentionScale;
    private final NDArray normEps;
    private final NDArray one;
    private final NDArray maskedScale;
    // Slices whose bounds depend only on the config, parsed once.
    private final NDIndex qkSlice;
    private final NDIndex vSlice;
    private final NDIndex qSlice;
    private final NDIndex kSlice;
    private final NDIndex gateSlice;
    private final NDIndex upSlice;
    private final NDIndex lowHalf;
    private final NDIndex highHalf;
    private int vocabChunk = DEFAULT_VOCAB_CHUNK;

    /**
     * Wraps parameter tensors already placed in {@code manager}. Use {@link ModelIo#load} or
     * {@link ModelInit#random} rather than this directly.
     */
    DecoderModel(ModelConfig config, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        for (String name : ParameterNames.all(config)) {
            NDArray p = parameters.get(name);
            if (p == null) {
                throw new Reason4jException("parameter " + name + " is missing");
            }
            Shape expected = new Shape(ParameterNames.shape(config, name));
            if (!p.getShape().equals(expected)) {
                throw new Reason4jException("parameter " + name + " has shape " + p.getShape() + " but config.json implies " + expected);
            }
        }
        this.layers = new DecoderLayer[config.numLayers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = DecoderLayer.of(parameters, i);
        }
        this.embedding = parameters.get(ParameterNames.EMBED);
        this.finalNorm = parameters.get(ParameterNames.FINAL_NORM);
        this.head = config.tieWordEmbeddings() ? embedding : parameters.get(ParameterNames.LM_HEAD);
        this.dtype = embedding.getDataType();
        this.rope = new RotaryTables(manager, config, dtype);
        this.attentionScale = constant(1.0 / Math.sqrt(config.headDim()));
        this.normEps = constant(config.rmsNormEps());
        this.one = constant(1);
        this.maskedScale = constant(-KvCache.MASKED);
        int nh = config.numHeads();
        int nkv = config.numKvHeads();
        this.qkSlice = new NDIndex(":, :, :{}", nh + nkv);
        this.vSlice = new NDIndex(":, :, {}:", nh + nkv);
        this.qSlice = new NDIndex(":, :, :{}", nh);
        this.kSlice = new NDIndex(":, :, {}:", nh);
        this.gateSlice = new NDIndex("..., :{}", config.intermediateSize());
        this.upSlice = new NDIndex("..., {}:", config.intermediateSize());
        this.lowHalf = new NDIndex("..., :{}", config.headDim() / 2);
        this.highHalf = new NDIndex("..., {}:", config.headDim() / 2);
    }

    /** A 0-d constant of the model's dtype on its device, owned by the model (never by a caller's scope). */
    private NDArray constant(double value) {
        NDArray c = scalar(embedding, value);
        NDScope.unregister(c);
        return c;
    }

    public ModelConfig config() {
        return config;
    }

    /** Parameters by HF name, in HF order; a tied head has no entry of its own. Owned by the model. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The manager holding the parameters (its device is the model's device). */
    public NDManager manager() {
        return manager;
    }

    public DataType dataType() {
        return dtype;
    }

    /**
     * Grows the rotary tables to cover positions below {@code positions} now. Forwards grow them on
     * demand; threads sharing the model call this first, so no forward replaces a table another reads.
     */
    public void reservePositions(int positions) {
        rope.ensure(positions);
    }

    /** Sets how many head rows are multiplied at once in {@link #tokenLogProbs}; smaller saves memory. */
    public void setVocabChunk(int rows) {
        if (rows <= 0) {
            throw new Reason4jException("vocab chunk must be positive, got " + rows);
        }
        this.vocabChunk = rows;
    }

    /**
     * Final-norm hidden states for the new tokens.
     *
     * @param inputIds      (B, T) int64 token ids
     * @param attentionMask (B, T) 1 for real tokens, 0 for padding (left or right); null for none
     * @param cache         null for a full teacher-forced pass; else the new tokens are appended to it
     * @return (B, T, H), attached to inputIds' manager
     */
    public NDArray hiddenStates(NDArray inputIds, NDArray attentionMask, KvCache cache) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager m = inputIds.getManager();
            Shape shape = inputIds.getShape();
            long b = shape.get(0);
            long t = shape.get(1);
            NDArray mask = attentionMask == null ? m.ones(shape, DataType.INT64) : attentionMask.toType(DataType.INT64, false);
            int past = cache == null ? 0 : cache.length();
            NDArray positions; // (B, T)
            if (cache != null && t == 1) {
                positions = cache.nextPositions(); // a padding row's output is never read, so its position does not matter
            } else {
                positions = mask.cumSum(1).sub(1);
                if (cache != null) {
                    positions = positions.add(cache.nextPositions());
                }
                positions = positions.maximum(0);
            }
            NDArray newKeyBias = mask.toType(dtype, false).sub(one).mul(maskedScale); // (B, T): 0 real, MASKED padding
            NDArray keyBias = cache == null ? newKeyBias : cache.appendBias(newKeyBias); // (B, S)
            rope.ensure(past + t + 1);
            NDArray bias = attentionBias(keyBias, past, t); // (B, 1, 1, T, S)
            NDArray cos = lookup(positions, rope.cos()).expandDims(2); // (B, T, 1, hd)
            NDArray sin = lookup(positions, rope.sin()).expandDims(2); // (B, T, 1, hd)
            NDArray x = lookup(inputIds, embedding); // (B, T, H)
            for (int i = 0; i < layers.length; i++) {
                x = layer(i, x, cos, sin, bias, cache, b, t);
            }
            NDArray out = rmsNorm(x, finalNorm);
            if (cache != null) {
                cache.advance(mask);
            }
            out.attach(m);
            NDScope.unregister(out);
            return out;
        }
    }

    /**
     * Logits of the next token after each sequence's last position, for generation.
     *
     * @param hidden (B, T, H) from {@link #hiddenStates}
     * @return (B, V) raw logits (no temperature), attached to hidden's manager
     */
    public NDArray lastLogits(NDArray hidden) {
        long t = hidden.getShape().get(1);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray last = t == 1 ? hidden.reshape(hidden.getShape().get(0), hidden.getShape().get(2))
                    : hidden.get(new NDIndex(":, {}", t - 1)); // (B, H)
            NDArray logits = linear(last, head, null);
            NDScope.unregister(logits);
            return logits;
        }
    }

    /** Full logits (B, T, V) of every position; for tests and small vocabularies only. */
    public NDArray logits(NDArray inputIds, NDArray attentionMask) {
        NDArray hidden = hiddenStates(inputIds, attentionMask, null);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray logits = linear(hidden, head, null);
            hidden.close();
            NDScope.unregister(logits);
            return logits;
        }
    }

    /**
     * Teacher-forced log-probabilities of chosen tokens, the training path: gradients flow to every
     * parameter. Log-probs are computed only at the asked positions and the log-partition over the
     * vocabulary in chunks of rows of the head, so no (B, T, V) logits tensor is ever built.
     *
     * @param inputIds        (B, T) int64, padded
     * @param attentionMask   (B, T) 1 for real tokens; null for none
     * @param targetPositions (B, L) int64 positions p ≥ 1 whose token ids[b, p] is scored given ids[b, &lt;p];
     *                        fill unused slots with any valid position and mask them out afterwards
     * @param temperature     the π of GRPO is softmax(logits / temperature)
     * @return (B, L) log p(ids[b, p] | ids[b, &lt;p]), attached to inputIds' manager
     */
    public NDArray tokenLogProbs(NDArray inputIds, NDArray attentionMask, NDArray targetPositions, double temperature) {
        if (!(temperature > 0)) {
            throw new Reason4jException("temperature for log-probs must be > 0, got " + temperature);
        }
        NDManager m = inputIds.getManager();
        NDArray hidden = hiddenStates(inputIds, attentionMask, null); // (B, T, H)
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long b = inputIds.getShape().get(0);
            long t = inputIds.getShape().get(1);
            long h = hidden.getShape().get(2);
            NDArray positions = targetPositions.toType(DataType.INT64, false);
            NDArray rowOffsets = m.arange(0, (int) (b * t), (int) t, DataType.INT64).reshape(b, 1); // (B, 1)
            NDArray flatTargets = positions.add(rowOffsets).flatten(); // (N)
            NDArray predictors = lookup(flatTargets.sub(1), hidden.reshape(b * t, h)); // (N, H)
            NDArray targets = inputIds.toType(DataType.INT64, false).take(flatTargets); // (N)
            NDArray logProbs = headLogProbs(predictors, targets, temperature).reshape(positions.getShape()); // (B, L)
            hidden.close();
            logProbs.attach(m);
            NDScope.unregister(logProbs);
            return logProbs;
        }
    }

    /** log softmax(h·Wᵀ / T)[target] for each row, with the partition function summed chunk by chunk. */
    private NDArray headLogProbs(NDArray h, NDArray targets, double temperature) {
        long vocab = head.getShape().get(0);
        NDArray inverseT = scalar(h, 1.0 / temperature);
        NDArray targetLogits = h.mul(lookup(targets, head)).sum(new int[] {-1}).mul(inverseT); // (N)
        NDList chunkLse = new NDList();
        for (long start = 0; start < vocab; start += vocabChunk) {
            long end = Math.min(vocab, start + vocabChunk);
            NDArray rows = start == 0 && end == vocab ? head : head.get(new NDIndex("{}:{}", start, end)); // (C, H)
            chunkLse.add(logSumExp(linear(h, rows, null).mul(inverseT))); // (N)
        }
        NDArray lse = chunkLse.size() == 1 ? chunkLse.get(0) : logSumExp(NDArrays.stack(chunkLse, 1)); // (N)
        return targetLogits.sub(lse);
    }

    /**
     * A 0-d constant that libtorch owns. DJL's {@code x.div(Number)} wraps the number in a tensor over a
     * Java buffer and closes it at once; autograd keeps a pointer to it for backward, and a GC in between
     * corrupts the gradient. A copy made by torch lives as long as the graph needs it. (DJL's
     * {@code toType(sameType, true)} does not copy, hence {@code duplicate}.)
     */
    private static NDArray scalar(NDArray like, double value) {
        try (NDManager tmp = like.getManager().newSubManager()) {
            NDArray owned = tmp.create(value).toType(like.getDataType(), false).duplicate();
            owned.attach(like.getManager());
            return owned;
        }
    }

    /** log Σ exp over the last axis; the max is a constant (it cancels in the gradient). */
    private static NDArray logSumExp(NDArray x) {
        NDArray max = x.max(new int[] {-1}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {-1}).log().add(max.squeeze(-1));
    }

    private NDArray layer(int i, NDArray x, NDArray cos, NDArray sin, NDArray bias, KvCache cache, long b, long t) {
        DecoderLayer w = layers[i];
        FusedLayer f = cache == null ? FusedLayer.of(w, config.numHeads(), config.numKvHeads()) : cache.fused(i, this);
        int nh = config.numHeads();
        int nkv = config.numKvHeads();
        int hd = config.headDim();
        int g = config.groupSize();
        NDArray h = rmsNorm(x, w.inputNorm());
        NDArray qkv = linear(h, f.qkvWeight(), f.qkvBias()).reshape(b, t, nh + 2L * nkv, hd);
        NDArray qk = qkv.get(qkSlice); // (B, T, nh + nkv, hd)
        NDArray v = qkv.get(vSlice).transpose(0, 2, 1, 3); // (B, nkv, T, hd)
        if (f.qkNorm() != null) {
            qk = rmsNorm(qk, f.qkNorm());
        }
        qk = rotate(qk, cos, sin);
        NDArray q = qk.get(qSlice); // (B, T, nh, hd)
        NDArray keysT = qk.get(kSlice).transpose(0, 2, 3, 1); // (B, nkv, hd, T)
        if (cache != null) {
            NDArray[] kv = cache.write(i, keysT, v);
            keysT = kv[0]; // (B, nkv, hd, S)
            v = kv[1]; // (B, nkv, S, hd)
        }
        long s = keysT.getShape().get(3);
        // Grouped-query attention by reshaping: query head j uses kv head j / g, as HF's repeat_kv.
        NDArray qg = q.reshape(b, t, nkv, g, hd).transpose(0, 2, 3, 1, 4).reshape(b, nkv, g * t, hd);
        NDArray scores = qg.matMul(keysT).mul(attentionScale) // (B, nkv, g*T, S)
                .reshape(b, nkv, g, t, s).add(bias);
        NDArray probs = scores.softmax(-1).reshape(b, nkv, g * t, s);
        NDArray context = probs.matMul(v) // (B, nkv, g*T, hd)
                .reshape(b, nkv, g, t, hd).transpose(0, 3, 1, 2, 4).reshape(b, t, (long) nh * hd);
        x = x.add(linear(context, w.oWeight(), w.oBias()));
        NDArray gateUp = linear(rmsNorm(x, w.postNorm()), f.gateUpWeight(), f.gateUpBias()); // (B, T, 2I)
        long inter = config.intermediateSize();
        NDArray gate = gateUp.get(gateSlice);
        NDArray up = gateUp.get(upSlice);
        return x.add(linear(gate.mul(Activation.sigmoid(gate)).mul(up), w.downWeight(), w.downBias()));
    }

    /** The layer's fused projections for generation; the caller owns (closes) their arrays. */
    FusedLayer fuseForInference(int i) {
        return FusedLayer.of(layers[i], config.numHeads(), config.numKvHeads());
    }

    /**
     * (B, 1, 1, T, S): 0 where query i may attend key slot j (j ≤ past + i and slot j is real), else a
     * large negative. A single new token after the cache may attend every filled slot, so only padding
     * counts; a padding slot after the query's position gets the large negative twice, still finite.
     */
    private NDArray attentionBias(NDArray keyBias, int past, long t) {
        long b = keyBias.getShape().get(0);
        long s = keyBias.getShape().get(1);
        NDArray padding = keyBias.reshape(b, 1, 1, 1, s);
        if (t == 1) {
            return padding;
        }
        NDManager m = keyBias.getManager();
        NDArray querySlots = m.arange(past, (int) (past + t), 1, DataType.INT64).reshape(t, 1); // (T, 1)
        NDArray keySlots = m.arange(0, (int) s, 1, DataType.INT64).reshape(1, s); // (1, S)
        NDArray future = keySlots.gt(querySlots).toType(dtype, false).mul(maskedScale).neg(); // (T, S)
        return padding.add(future);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray variance = x.square().mean(new int[] {-1}, true);
        return x.div(variance.add(normEps).sqrt()).mul(weight);
    }

    /** HF's q·cos + rotate_half(q)·sin with rotate_half(x) = cat(−x2, x1). */
    private NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
        NDArray x1 = x.get(lowHalf);
        NDArray x2 = x.get(highHalf);
        NDArray rotated = x2.neg().concat(x1, -1);
        return x.mul(cos).add(rotated.mul(sin));
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    /**
     * An independent copy of the weights (e.g. the frozen reference policy of GRPO's KL term), on the
     * same device. The caller closes it.
     */
    public DecoderModel copy() {
        NDManager m = NDManager.newBaseManager(manager.getDevice());
        try {
            Map<String, NDArray> copies = new LinkedHashMap<>();
            parameters.forEach((name, p) -> {
                NDArray c = p.duplicate();
                c.attach(m);
                copies.put(name, c);
            });
            DecoderModel copy = new DecoderModel(config, m, copies);
            copy.vocabChunk = vocabChunk;
            return copy;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Frees the parameters and tables. */
    @Override
    public void close() {
        manager.close();
    }
}
