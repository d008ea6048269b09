package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Objects;

/**
 * The per-token loss: loss_{i,t} = −min(r·A_i, clip(r, 1 − ε_low, 1 + ε_high)·A_i) + β·KL_{i,t}, with r
 * the token ratio or GSPO's sequence ratio and KL the k3 estimator
 * exp(logp_ref − logp) − (logp_ref − logp) − 1.
 *
 * <p>Only the side that binds stops the gradient: with A &gt; 0 the ratio is capped above 1 + ε_high,
 * with A &lt; 0 below 1 − ε_low; on the other side the unclipped term is the minimum and passes its
 * gradient.
 *
 * @param ratioLevel token ratio (PPO/GRPO) or sequence ratio (GSPO)
 * @param clipLow    ε_low in [0, 1): GRPO/PPO 0.2 (GSPO works with ~3e-4)
 * @param clipHigh   ε_high ≥ 0: 0.2 for GRPO, DAPO's clip-higher 0.28 (GSPO ~4e-4)
 * @param beta       weight of the KL to the reference, ≥ 0; 0 needs no reference model
 */
public record PolicyObjective(RatioLevel ratioLevel, double clipLow, double clipHigh, double beta) {
    public PolicyObjective {
        Objects.requireNonNull(ratioLevel, "PolicyObjective.ratioLevel: choose token or sequence");
        if (!(clipLow >= 0 && clipLow < 1)) {
            throw new Reason4jException("PolicyObjective.clipLow (ε_low) must be in [0, 1), got " + clipLow
                    + ": the ratio is clipped below at 1 − ε_low, which must stay positive; GRPO uses 0.2");
        }
        if (!(clipHigh >= 0) || Double.isInfinite(clipHigh)) {
            throw new Reason4jException("PolicyObjective.clipHigh (ε_high) must be a finite number ≥ 0, got "
                    + clipHigh + "; GRPO uses 0.2, DAPO's clip-higher 0.28");
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new Reason4jException("PolicyObjective.beta (KL weight) must be a finite number ≥ 0, got " + beta
                    + "; use 0 for no reference model, DeepSeekMath used 0.04");
        }
    }

    /** 1 − ε_low. */
    public double lowerBound() {
        return 1 - clipLow;
    }

    /** 1 + ε_high. */
    public double upperBound() {
        return 1 + clipHigh;
    }

    /** −min(r·A, clip(r, 1 − ε_low, 1 + ε_high)·A). */
    public double clippedSurrogate(double ratio, double advantage) {
        double clipped = Math.min(Math.max(ratio, lowerBound()), upperBound());
        return -Math.min(ratio * advantage, clipped * advantage);
    }

    /** A &lt; 0 and r &lt; 1 − ε_low: the clip binds below and the token's surrogate has no gradient. */
    public boolean clippedLow(double ratio, double advantage) {
        return advantage < 0 && ratio < lowerBound();
    }

    /** A &gt; 0 and r &gt; 1 + ε_high: the clip binds above and the token's surrogate has no gradient. */
    public boolean clippedHigh(double ratio, double advantage) {
        return advantage > 0 && ratio > upperBound();
    }

    /** The k3 estimator of KL(π_θ ‖ π_ref) at one token: exp(d) − d − 1 with d = logp_ref − logp; ≥ 0. */
    public static double k3(double logProb, double refLogProb) {
        double d = refLogProb - logProb;
        return Math.exp(d) - d - 1;
    }
}
