package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * The clipped surrogate on one token (token mean over one token: weight 1, so loss = ℓ and the gradient
 * is dℓ/dlogp), worked by hand with ε_low = 0.2, ε_high = 0.28: the range is [0.8, 1.28]. Each case is
 * checked on the oracle and on the NDArray loss with autograd.
 */
class ClippedSurrogateTest {
    private static final PolicyObjective DAPO_CLIP = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.28, 0);
    private static final double TOL = 1e-12;

    @Test
    void clippedRatioStopsGradientWhenAdvantagePositiveAndRatioAboveOnePlusEps() {
        // A = 2, r = 1.5 > 1.28: ℓ = −min(1.5·2, 1.28·2) = −2.56, a constant in logp → gradient 0
        PolicyLossStats stats = assertToken(2, 1.5, -2.56, 0.0);
        assertEquals(1, stats.clippedHigh(), 0.0);
        assertEquals(0, stats.clippedLow(), 0.0);
    }

    @Test
    void clippedRatioStopsGradientWhenAdvantageNegativeAndRatioBelowOneMinusEps() {
        // A = −2, r = 0.5 < 0.8: ℓ = −min(0.5·(−2), 0.8·(−2)) = −min(−1, −1.6) = 1.6, constant → gradient 0
        PolicyLossStats stats = assertToken(-2, 0.5, 1.6, 0.0);
        assertEquals(1, stats.clippedLow(), 0.0);
        assertEquals(0, stats.clippedHigh(), 0.0);
    }

    @Test
    void ratioAboveOnePlusEpsStillPassesGradientWhenAdvantageNegative() {
        // A = −2, r = 1.5: ℓ = −min(−3, −2.56) = 3 = −r·A, dℓ/dlogp = −A·r = 3 (a bad action made likelier is not capped)
        PolicyLossStats stats = assertToken(-2, 1.5, 3, 3);
        assertEquals(0, stats.clippedLow() + stats.clippedHigh(), 0.0);
    }

    @Test
    void ratioBelowOneMinusEpsStillPassesGradientWhenAdvantagePositive() {
        // A = 2, r = 0.5: ℓ = −min(1, 1.6) = −1 = −r·A, dℓ/dlogp = −A·r = −1
        PolicyLossStats stats = assertToken(2, 0.5, -1, -1);
        assertEquals(0, stats.clippedLow() + stats.clippedHigh(), 0.0);
    }

    @Test
    void ratioInsideTheRangePassesTheFullGradient() {
        // A = 2, r = 1.1: both terms equal 2.2, ℓ = −2.2, dℓ/dlogp = −A·r = −2.2 (min's tie splits, clip passes)
        assertToken(2, 1.1, -2.2, -2.2);
    }

    @Test
    void onPolicyStepIsThePlainPolicyGradient() {
        // π_old = π_θ detached: r = 1, ℓ = −A, dℓ/dlogp = −A (here −0.7 for A = 0.7), whatever ε
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logp = m.create(new double[][] {{-1.3, -0.2}});
            logp.setRequiresGradient(true);
            LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, new double[][] {{1, 1}}, 2);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                PolicyLoss.Result r = new PolicyLoss(DAPO_CLIP).compute(logp, logp.stopGradient(), null,
                        m.create(new double[] {0.7}), m.create(new double[][] {{1, 1}}), normalizer);
                assertEquals(-0.7, r.stats().loss(), TOL);
                assertEquals(1, r.stats().ratioMean(), 0.0);
                gc.backward(r.loss());
            }
            double[] g = logp.getGradient().toDoubleArray();
            assertEquals(-0.35, g[0], TOL); // −A · (1/2 per token)
            assertEquals(-0.35, g[1], TOL);
        }
    }

    @Test
    void sequenceRatioClipsTheWholeCompletionTogether() {
        // GSPO, two tokens with log r = [ln 2, 0]: s = exp(ln 2 / 2) = √2 = 1.4142 > 1.28.
        // A = 1: clipped above for both tokens, ℓ = −1.28 each, token mean −1.28, gradient 0 on both
        // although the second token's own ratio is 1.
        PolicyObjective gspo = new PolicyObjective(RatioLevel.SEQUENCE, 0.2, 0.28, 0);
        PolicyLossInputs clipped = twoTokens(1);
        assertBoth(gspo, clipped, -1.28, new double[] {0, 0});
        // A = −1: not binding, ℓ = −min(−√2, −1.28) = √2 per token, token mean √2;
        // ∂L/∂logp_t = (Σ_t w)·(−A·s)·(1/n) = 1 · √2 · 1/2 = 0.7071068 for each token
        assertBoth(gspo, twoTokens(-1), Math.sqrt(2), new double[] {Math.sqrt(2) / 2, Math.sqrt(2) / 2});
    }

    private static PolicyLossInputs twoTokens(double advantage) {
        return new PolicyLossInputs(new double[][] {{-1 + Math.log(2), -2}}, new double[][] {{-1, -2}}, null,
                new double[] {advantage}, new double[][] {{1, 1}});
    }

    /** One token with ratio r = exp(logp − old); asserts loss and gradient on both implementations. */
    private static PolicyLossStats assertToken(double advantage, double ratio, double loss, double gradient) {
        PolicyLossInputs in = new PolicyLossInputs(new double[][] {{-1 + Math.log(ratio)}}, new double[][] {{-1}},
                null, new double[] {advantage}, new double[][] {{1}});
        return assertBoth(DAPO_CLIP, in, loss, new double[] {gradient});
    }

    private static PolicyLossStats assertBoth(PolicyObjective objective, PolicyLossInputs in, double loss,
                                              double[] gradient) {
        LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, in.mask(), 4);
        PolicyLossOracle.Result oracle = PolicyLossOracle.evaluate(objective, in, normalizer);
        NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(objective, in, normalizer);
        assertEquals(loss, oracle.loss(), TOL, "oracle loss");
        assertEquals(loss, nd.loss(), TOL, "NDArray loss");
        for (int t = 0; t < gradient.length; t++) {
            assertEquals(gradient[t], oracle.gradient()[0][t], TOL, "oracle gradient at " + t);
            assertEquals(gradient[t], nd.gradient()[0][t], gradient[t] == 0 ? 0.0 : TOL, "NDArray gradient at " + t);
        }
        PolicyLossAgreementTest.assertStatsEqual(oracle.stats(), nd.stats());
        return nd.stats();
    }
}
