package dev.reason4j.grpo.optim;

import dev.reason4j.core.Reason4jException;

/**
 * AdamW's hyper-parameters, as {@code torch.optim.AdamW} names them; the learning rate is not here
 * because it changes every step (see {@link LearningRateSchedule}).
 *
 * @param beta1       decay of the first-moment average (PyTorch: 0.9)
 * @param beta2       decay of the second-moment average (PyTorch: 0.999)
 * @param epsilon     added to the bias-corrected √v before dividing (PyTorch: 1e-8)
 * @param weightDecay decoupled decay λ: each step multiplies a decayed parameter by (1 − lr·λ)
 *                    before the Adam update (Loshchilov &amp; Hutter 2019). PyTorch's AdamW defaults to
 *                    0.01 and so do we; HF's Trainer and TRL default to 0.0. Which parameters decay is
 *                    a {@link DecayPolicy}.
 */
public record AdamWConfig(double beta1, double beta2, double epsilon, double weightDecay) {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;
    /** torch.optim.AdamW's default. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public AdamWConfig {
        requireBeta("beta1", beta1);
        requireBeta("beta2", beta2);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new Reason4jException("AdamW epsilon is " + epsilon + "; it must be a finite number ≥ 0 (PyTorch's default is 1e-8)");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new Reason4jException("AdamW weightDecay is " + weightDecay
                    + "; it must be a finite number ≥ 0 (0 turns decay off; PyTorch's default is 0.01)");
        }
    }

    /** β1 0.9, β2 0.999, ε 1e-8, weight decay 0.01: torch.optim.AdamW's defaults. */
    public static AdamWConfig defaults() {
        return new AdamWConfig(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, DEFAULT_WEIGHT_DECAY);
    }

    public AdamWConfig withWeightDecay(double decay) {
        return new AdamWConfig(beta1, beta2, epsilon, decay);
    }

    public AdamWConfig withBetas(double b1, double b2) {
        return new AdamWConfig(b1, b2, epsilon, weightDecay);
    }

    private static void requireBeta(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new Reason4jException("AdamW " + name + " is " + beta + "; it must be in [0, 1) (PyTorch's defaults: beta1 0.9, beta2 0.999)");
        }
    }
}
