package dev.reason4j.model.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Test oracle: a plain-Java, double-precision, loop-only forward pass of the Hugging Face decoder-only causal LMs
 * {@code Qwen2ForCausalLM}, {@code LlamaForCausalLM} and {@code Qwen3ForCausalLM}, written from the semantics of
 * transformers' {@code modeling_qwen2.py} / {@code modeling_llama.py} / {@code modeling_qwen3.py}.
 *
 * <p>It is deliberately slow and simple (no batching, no padding, no KV cache, positions {@code 0..n-1}) so that it
 * can be read line by line. Everything, including the RoPE inverse frequencies, is computed in double precision; note
 * that transformers itself computes RoPE in float32, so a float32 implementation is expected to differ from this
 * oracle by float32 rounding only.
 *
 * <p>Per layer: {@code x += o_proj(attn(rope(q), rope(k), v))} on {@code input_layernorm(x)}, then {@code x +=
 * down(silu(gate(h)) * up(h))} on {@code h = post_attention_layernorm(x)}; then {@code model.norm} and {@code lm_head}
 * (or the embedding matrix when {@code tie_word_embeddings}). Qwen3 applies {@code q_norm}/{@code k_norm} (RMSNorm
 * over head_dim, per head) before RoPE.
 */
public final class ReferenceDecoder {

    private final ReferenceConfig cfg;
    private final Map<String, double[]> w;

    /**
     * @param config  the parsed HF config.json
     * @param weights HF tensor name to row-major values, as stored in safetensors
     * @param shapes  HF tensor name to shape
     */
    public ReferenceDecoder(JsonNode config, Map<String, double[]> weights, Map<String, long[]> shapes) {
        this.cfg = new ReferenceConfig(config);
        this.w = new HashMap<>();
        Map<String, long[]> expected = cfg.expectedShapes();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            String name = e.getKey();
            double[] values = weights.get(name);
            long[] shape = shapes.get(name);
            if (values == null || shape == null) {
                throw new IllegalArgumentException("missing weight " + name);
            }
            if (!java.util.Arrays.equals(shape, e.getValue())) {
                throw new IllegalArgumentException("weight " + name + " has shape " + java.util.Arrays.toString(shape)
                        + ", expected " + java.util.Arrays.toString(e.getValue()));
            }
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            if (values.length != count) {
                throw new IllegalArgumentException("weight " + name + " has " + values.length + " values, shape says "
                        + count);
            }
            w.put(name, values);
        }
        Set<String> unused = new HashSet<>(weights.keySet());
        unused.removeAll(expected.keySet());
        // A tied checkpoint may still carry a copy of lm_head.weight; HF ties it to the embedding, so it is ignored.
        unused.remove("lm_head.weight");
        unused.removeIf(n -> n.endsWith("rotary_emb.inv_freq"));
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("unexpected weights for " + cfg.architecture + ": " + unused);
        }
    }

    /** The parsed configuration (read-only view used by the tests). */
    public ReferenceConfig config() {
        return cfg;
    }

    /** logits[t][v] for every position t of the sequence (no padding, positions 0..n-1). */
    public double[][] logits(int[] ids) {
        int n = ids.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty sequence");
        }
        int hidden = cfg.hiddenSize;
        double[] embed = w.get("model.embed_tokens.weight");
        double[][] x = new double[n][hidden];
        for (int t = 0; t < n; t++) {
            int id = ids[t];
            if (id < 0 || id >= cfg.vocabSize) {
                throw new IllegalArgumentException("token id " + id + " out of range [0, " + cfg.vocabSize + ")");
            }
            System.arraycopy(embed, id * hidden, x[t], 0, hidden);
        }
        for (int layer = 0; layer < cfg.numLayers; layer++) {
            String p = "model.layers." + layer + ".";
            double[][] h = new double[n][];
            for (int t = 0; t < n; t++) {
                h[t] = rmsNorm(x[t], 0, hidden, w.get(p + "input_layernorm.weight"));
            }
            double[][] attn = attention(p + "self_attn.", h);
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < hidden; i++) {
                    x[t][i] += attn[t][i];
                }
            }
            for (int t = 0; t < n; t++) {
                double[] h2 = rmsNorm(x[t], 0, hidden, w.get(p + "post_attention_layernorm.weight"));
                double[] mlp = mlp(p + "mlp.", h2);
                for (int i = 0; i < hidden; i++) {
                    x[t][i] += mlp[i];
                }
            }
        }
        double[] head = cfg.tieWordEmbeddings ? embed : w.get("lm_head.weight");
        double[][] logits = new double[n][];
        for (int t = 0; t < n; t++) {
            double[] normed = rmsNorm(x[t], 0, hidden, w.get("model.norm.weight"));
            logits[t] = linear(normed, head, null, cfg.vocabSize, hidden);
        }
        return logits;
    }

    /** log p(ids[i] | ids[&lt;i]) for i = 1..n-1 (length n-1), softmax at temperature 1. */
    public double[] tokenLogProbs(int[] ids) {
        return tokenLogProbs(ids, 1.0);
    }

    /** log p(ids[i] | ids[&lt;i]) for i = 1..n-1 under log softmax(logits / temperature). */
    public double[] tokenLogProbs(int[] ids, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite: " + temperature);
        }
        double[][] logits = logits(ids);
        double[] out = new double[ids.length - 1];
        for (int i = 1; i < ids.length; i++) {
            double[] row = logits[i - 1];
            double[] scaled = new double[row.length];
            for (int v = 0; v < row.length; v++) {
                scaled[v] = row[v] / temperature;
            }
            out[i - 1] = scaled[ids[i]] - logSumExp(scaled);
        }
        return out;
    }

    /** log(sum(exp(row))), computed stably. */
    public static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private double[][] attention(String p, double[][] h) {
        int n = h.length;
        int hidden = cfg.hiddenSize;
        int heads = cfg.numHeads;
        int kvHeads = cfg.numKvHeads;
        int d = cfg.headDim;
        int groups = heads / kvHeads;
        double[][] q = new double[n][];
        double[][] k = new double[n][];
        double[][] v = new double[n][];
        for (int t = 0; t < n; t++) {
            q[t] = linear(h[t], w.get(p + "q_proj.weight"), w.get(p + "q_proj.bias"), heads * d, hidden);
            k[t] = linear(h[t], w.get(p + "k_proj.weight"), w.get(p + "k_proj.bias"), kvHeads * d, hidden);
            v[t] = linear(h[t], w.get(p + "v_proj.weight"), w.get(p + "v_proj.bias"), kvHeads * d, hidden);
            if (cfg.qkNorm) {
                for (int hh = 0; hh < heads; hh++) {
                    double[] normed = rmsNorm(q[t], hh * d, d, w.get(p + "q_norm.weight"));
                    System.arraycopy(normed, 0, q[t], hh * d, d);
                }
                for (int hh = 0; hh < kvHeads; hh++) {
                    double[] normed = rmsNorm(k[t], hh * d, d, w.get(p + "k_norm.weight"));
                    System.arraycopy(normed, 0, k[t], hh * d, d);
                }
            }
            for (int hh = 0; hh < heads; hh++) {
                rope(q[t], hh * d, t);
            }
            for (int hh = 0; hh < kvHeads; hh++) {
                rope(k[t], hh * d, t);
            }
        }
        double scale = 1.0 / Math.sqrt(d);
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) {
            double[] concat = new double[heads * d];
            for (int hh = 0; hh < heads; hh++) {
                int kv = hh / groups;
                double[] scores = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += q[t][hh * d + i] * k[s][kv * d + i];
                    }
                    scores[s] = dot * scale;
                    max = Math.max(max, scores[s]);
                }
                double sum = 0;
                for (int s = 0; s <= t; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    sum += scores[s];
                }
                for (int s = 0; s <= t; s++) {
                    double pr = scores[s] / sum;
                    for (int i = 0; i < d; i++) {
                        concat[hh * d + i] += pr * v[s][kv * d + i];
                    }
                }
            }
            out[t] = linear(concat, w.get(p + "o_proj.weight"), w.get(p + "o_proj.bias"), hidden, heads * d);
        }
        return out;
    }

    private double[] mlp(String p, double[] h) {
        int hidden = cfg.hiddenSize;
        int inter = cfg.intermediateSize;
        double[] gate = linear(h, w.get(p + "gate_proj.weight"), w.get(p + "gate_proj.bias"), inter, hidden);
        double[] up = linear(h, w.get(p + "up_proj.weight"), w.get(p + "up_proj.bias"), inter, hidden);
        double[] act = new double[inter];
        for (int i = 0; i < inter; i++) {
            double g = gate[i];
            act[i] = g / (1.0 + Math.exp(-g)) * up[i];
        }
        return linear(act, w.get(p + "down_proj.weight"), w.get(p + "down_proj.bias"), hidden, inter);
    }

    /** HF rotate_half RoPE applied in place to x[off .. off+headDim) at position pos. */
    private void rope(double[] x, int off, int pos) {
        int half = cfg.headDim / 2;
        for (int j = 0; j < half; j++) {
            double angle = pos * cfg.invFreq[j];
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double x1 = x[off + j];
            double x2 = x[off + j + half];
            x[off + j] = x1 * cos - x2 * sin;
            x[off + j + half] = x2 * cos + x1 * sin;
        }
    }

    /** RMSNorm of x[off .. off+len): x / sqrt(mean(x^2) + eps) * weight. */
    private double[] rmsNorm(double[] x, int off, int len, double[] weight) {
        double ss = 0;
        for (int i = 0; i < len; i++) {
            ss += x[off + i] * x[off + i];
        }
        double inv = 1.0 / Math.sqrt(ss / len + cfg.rmsNormEps);
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            out[i] = weight[i] * (x[off + i] * inv);
        }
        return out;
    }

    /** y = W x + b with W row-major (out, in), as torch.nn.Linear stores it. */
    private static double[] linear(double[] x, double[] weight, double[] bias, int out, int in) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double acc = bias == null ? 0 : bias[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                acc += weight[row + i] * x[i];
            }
            y[o] = acc;
        }
        return y;
    }
}
