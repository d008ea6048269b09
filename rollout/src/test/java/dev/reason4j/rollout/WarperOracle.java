package dev.reason4j.rollout;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The intended sampling distribution, worked out in plain Java from HF's warper definitions. */
final class WarperOracle {
    private WarperOracle() {
    }

    static double[] distribution(float[] logits, SamplingParams p) {
        int v = logits.length;
        double[] x = new double[v];
        for (int i = 0; i < v; i++) {
            x[i] = logits[i] / p.logProbTemperature();
        }
        boolean[] keep = new boolean[v];
        Arrays.fill(keep, true);
        if (p.greedy()) {
            int best = 0;
            for (int i = 1; i < v; i++) {
                if (x[i] > x[best]) {
                    best = i;
                }
            }
            double[] out = new double[v];
            out[best] = 1;
            return out;
        }
        Integer[] order = IntStream.range(0, v).boxed().sorted(Comparator.comparingDouble(i -> -x[i])).toArray(Integer[]::new);
        if (p.topK() > 0) {
            double kth = x[order[Math.min(p.topK(), v) - 1]];
            for (int i = 0; i < v; i++) {
                keep[i] &= x[i] >= kth;
            }
        }
        if (p.topP() < 1) {
            double[] q = softmax(x, keep);
            double before = 0;
            for (int i : order) {
                if (before >= p.topP()) {
                    keep[i] = false;
                }
                before += q[i];
            }
        }
        if (p.minP() > 0) {
            double[] q = softmax(x, keep);
            double max = Arrays.stream(q).max().orElse(0);
            for (int i = 0; i < v; i++) {
                keep[i] &= q[i] >= p.minP() * max;
            }
        }
        return softmax(x, keep);
    }

    static double[] softmax(double[] x, boolean[] keep) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                max = Math.max(max, x[i]);
            }
        }
        double[] e = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = keep[i] ? Math.exp(x[i] - max) : 0;
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
