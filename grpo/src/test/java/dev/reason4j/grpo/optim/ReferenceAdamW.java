package dev.reason4j.grpo.optim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The test oracle: torch.optim.AdamW's update in plain Java over double arrays, in the same
 * operation order as {@link AdamW}. With {@code float32} every intermediate is rounded to float
 * after each operation, as a float32 tensor computes it (a double holds a float product, sum,
 * quotient or square root exactly enough that one rounding to float is the correctly rounded result).
 */
final class ReferenceAdamW {
    private final AdamWConfig config;
    private final Set<String> decayed;
    private final boolean float32;
    final Map<String, double[]> m = new HashMap<>();
    final Map<String, double[]> v = new HashMap<>();
    private long t;

    ReferenceAdamW(AdamWConfig config, Set<String> decayed, boolean float32) {
        this.config = config;
        this.decayed = decayed;
        this.float32 = float32;
    }

    void step(Map<String, double[]> parameters, Map<String, double[]> gradients, double lr) {
        t++;
        double stepSize = r(lr / (1 - Math.pow(config.beta1(), t)));
        double inverseBc2Sqrt = r(1 / Math.sqrt(1 - Math.pow(config.beta2(), t)));
        double decay = r(1 - lr * config.weightDecay());
        double b1 = r(config.beta1());
        double b2 = r(config.beta2());
        double oneMinusB1 = r(1 - config.beta1());
        double oneMinusB2 = r(1 - config.beta2());
        double eps = r(config.epsilon());
        parameters.forEach((name, p) -> {
            double[] g = gradients.get(name);
            double[] mm = m.computeIfAbsent(name, k -> new double[p.length]);
            double[] vv = v.computeIfAbsent(name, k -> new double[p.length]);
            for (int i = 0; i < p.length; i++) {
                if (decayed.contains(name)) {
                    p[i] = r(p[i] * decay);
                }
                mm[i] = r(r(mm[i] * b1) + r(g[i] * oneMinusB1));
                vv[i] = r(r(vv[i] * b2) + r(r(g[i] * g[i]) * oneMinusB2));
                double denominator = r(r(r(Math.sqrt(vv[i])) * inverseBc2Sqrt) + eps);
                p[i] = r(p[i] - r(r(mm[i] / denominator) * stepSize));
            }
        });
    }

    private double r(double x) {
        return float32 ? (float) x : x;
    }
}
