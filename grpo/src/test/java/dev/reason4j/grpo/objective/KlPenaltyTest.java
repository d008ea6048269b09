package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

/** The k3 estimator exp(d) − d − 1, d = logp_ref − logp, worked by hand. */
class KlPenaltyTest {
    private static final double LN2 = Math.log(2);
    private static final double TOL = 1e-12;

    @Test
    void k3IsZeroWhereThePolicyEqualsTheReferenceAndPositiveElsewhere() {
        assertEquals(0, PolicyObjective.k3(-1.7, -1.7), 0.0);
        // π_ref = 2π: d = ln 2, 2 − 0.6931472 − 1 = 0.3068528
        assertEquals(0.3068528194400546, PolicyObjective.k3(-1, -1 + LN2), TOL);
        // π_ref = π/2: d = −ln 2, 0.5 + 0.6931472 − 1 = 0.1931472
        assertEquals(0.1931471805599454, PolicyObjective.k3(-1, -1 - LN2), TOL);
    }

    @Test
    void klIsAddedWithWeightBetaAndPullsTowardTheReference() {
        // one token, A = 0 (no surrogate), β = 0.1, d = ln 2: loss = 0.1 · 0.3068528 = 0.0306853;
        // d k3 / d logp = 1 − e^d = 1 − 2 = −1 → gradient 0.1 · (−1) = −0.1: descent raises logp toward ref
        PolicyObjective objective = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0.1);
        PolicyLossInputs in = new PolicyLossInputs(new double[][] {{-1}}, new double[][] {{-1}},
                new double[][] {{-1 + LN2}}, new double[] {0}, new double[][] {{1}});
        LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, in.mask(), 1);
        PolicyLossOracle.Result oracle = PolicyLossOracle.evaluate(objective, in, normalizer);
        NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(objective, in, normalizer);
        for (double loss : new double[] {oracle.loss(), nd.loss()}) {
            assertEquals(0.03068528194400546, loss, TOL);
        }
        assertEquals(-0.1, oracle.gradient()[0][0], TOL);
        assertEquals(-0.1, nd.gradient()[0][0], TOL);
        assertEquals(0.3068528194400546, nd.stats().klMean(), TOL);
        assertEquals(0.3068528194400546, nd.stats().klLoss(), TOL);
        assertEquals(0, nd.stats().policyLoss(), 0.0);
    }

    @Test
    void klIsMeasuredButNotAddedWhenBetaIsZero() {
        // the same token, β = 0: KL still reported (0.3068528), loss and gradient 0
        PolicyObjective objective = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0);
        PolicyLossInputs in = new PolicyLossInputs(new double[][] {{-1}}, new double[][] {{-1}},
                new double[][] {{-1 + LN2}}, new double[] {0}, new double[][] {{1}});
        NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(objective, in,
                LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, in.mask(), 1));
        assertEquals(0, nd.loss(), 0.0);
        assertEquals(0, nd.gradient()[0][0], 0.0);
        assertEquals(0.3068528194400546, nd.stats().klMean(), TOL);
    }

    @Test
    void klStatsAreNaNWithoutAReference() {
        PolicyLossInputs in = new PolicyLossInputs(new double[][] {{-1}}, new double[][] {{-1}}, null,
                new double[] {1}, new double[][] {{1}});
        PolicyObjective objective = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0);
        LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, in.mask(), 1);
        assertTrue(Double.isNaN(NdPolicyLoss.evaluate(objective, in, normalizer).stats().klMean()));
        assertTrue(Double.isNaN(PolicyLossOracle.evaluate(objective, in, normalizer).stats().klMean()));
    }

    @Test
    void positiveBetaWithoutReferenceLogProbsIsRejected() {
        PolicyObjective objective = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0.04);
        LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, new double[][] {{1}}, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(Reason4jException.class, () -> new PolicyLoss(objective).compute(
                    m.create(new double[][] {{-1}}), m.create(new double[][] {{-1}}), null,
                    m.create(new double[] {1}), m.create(new double[][] {{1}}), normalizer));
            assertTrue(e.getMessage().contains("set beta to 0"), e.getMessage());
        }
    }
}
