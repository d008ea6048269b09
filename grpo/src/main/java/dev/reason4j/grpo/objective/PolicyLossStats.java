package dev.reason4j.grpo.objective;

/**
 * What one loss evaluation measured, detached, as sums so that minibatches {@link #plus add up}: the
 * loss terms are already normalised with the full-batch {@link LossNormalizer} (their sum over
 * minibatches is the full-batch value) and the rest are sums over unmasked tokens.
 *
 * @param loss        policyLoss + β·klLoss, the value that was backpropagated
 * @param policyLoss  the aggregated clipped surrogate
 * @param klLoss      the aggregated k3 KL (before β); NaN when no reference log-probs were given
 * @param tokens      unmasked tokens
 * @param ratioSum    Σ of the ratio used at each unmasked token (GSPO: the sequence ratio, once per token)
 * @param clippedLow  unmasked tokens with A &lt; 0 and r &lt; 1 − ε_low
 * @param clippedHigh unmasked tokens with A &gt; 0 and r &gt; 1 + ε_high
 * @param klSum       Σ of the k3 KL over unmasked tokens; NaN when no reference log-probs were given
 */
public record PolicyLossStats(double loss, double policyLoss, double klLoss, double tokens, double ratioSum,
                              double clippedLow, double clippedHigh, double klSum) {
    /** Nothing measured yet: the start of a sum over minibatches. */
    public static final PolicyLossStats EMPTY = new PolicyLossStats(0, 0, 0, 0, 0, 0, 0, 0);

    public PolicyLossStats plus(PolicyLossStats other) {
        return new PolicyLossStats(loss + other.loss, policyLoss + other.policyLoss, klLoss + other.klLoss,
                tokens + other.tokens, ratioSum + other.ratioSum, clippedLow + other.clippedLow,
                clippedHigh + other.clippedHigh, klSum + other.klSum);
    }

    /** Fraction of unmasked tokens clipped below (A &lt; 0); NaN when there were none. */
    public double clipFractionLow() {
        return clippedLow / tokens;
    }

    /** Fraction of unmasked tokens clipped above (A &gt; 0); NaN when there were none. */
    public double clipFractionHigh() {
        return clippedHigh / tokens;
    }

    /** Mean ratio over unmasked tokens (1 on the first pass over fresh samples). */
    public double ratioMean() {
        return ratioSum / tokens;
    }

    /** Mean k3 KL per unmasked token; NaN without a reference. */
    public double klMean() {
        return klSum / tokens;
    }
}
