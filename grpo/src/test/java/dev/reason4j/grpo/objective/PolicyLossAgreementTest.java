package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NDArray loss against the oracle on {@link RandomBatch}, for every advantage scaling × ratio level ×
 * aggregation × β: same loss, same stats, same gradient, and both gradients against central finite
 * differences of their own loss.
 */
class PolicyLossAgreementTest {
    private static final double EXACT = 1e-12;
    private static final double STEP = 1e-6;

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (AdvantageScaling scaling : AdvantageScaling.values()) {
            for (RatioLevel level : RatioLevel.values()) {
                for (LossAggregation aggregation : LossAggregation.values()) {
                    for (double beta : new double[] {0, 0.05}) {
                        out.add(Arguments.of(scaling, level, aggregation, beta));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} beta={3}")
    @MethodSource("variants")
    void ndArrayLossStatsAndGradientEqualTheOracle(AdvantageScaling scaling, RatioLevel level,
                                                   LossAggregation aggregation, double beta) {
        PolicyObjective objective = new PolicyObjective(level, 0.2, 0.28, beta);
        PolicyLossInputs in = RandomBatch.inputs(scaling, beta > 0, 11);
        LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, in.mask(), RandomBatch.MAX_COMPLETION_LENGTH);

        PolicyLossOracle.Result oracle = PolicyLossOracle.evaluate(objective, in, normalizer);
        NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(objective, in, normalizer);

        assertEquals(oracle.loss(), nd.loss(), EXACT, "loss");
        assertStatsEqual(oracle.stats(), nd.stats());
        for (int i = 0; i < in.rows(); i++) {
            for (int t = 0; t < in.length(); t++) {
                assertEquals(oracle.gradient()[i][t], nd.gradient()[i][t], EXACT, "d loss / d logp[" + i + "][" + t + "]");
                if (in.mask()[i][t] == 0) {
                    assertEquals(0.0, nd.gradient()[i][t], 0.0, "masked token [" + i + "][" + t + "] gets no gradient");
                }
            }
        }
        assertTrue(nd.stats().clippedLow() > 0 && nd.stats().clippedHigh() > 0, "the batch clips on both sides");
        if (beta == 0) {
            assertClippedTokensHaveNoGradient(objective, in, nd.gradient());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} beta={3}")
    @MethodSource("variants")
    void gradientsEqualCentralFiniteDifferences(AdvantageScaling scaling, RatioLevel level,
                                                LossAggregation aggregation, double beta) {
        PolicyObjective objective = new PolicyObjective(level, 0.2, 0.28, beta);
        PolicyLossInputs in = RandomBatch.inputs(scaling, beta > 0, 11);
        LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, in.mask(), RandomBatch.MAX_COMPLETION_LENGTH);
        double[][] oracle = PolicyLossOracle.evaluate(objective, in, normalizer).gradient();
        double[][] nd = NdPolicyLoss.evaluate(objective, in, normalizer).gradient();
        for (int i = 0; i < in.rows(); i++) {
            for (int t = 0; t < in.length(); t++) {
                PolicyLossInputs up = shifted(in, i, t, STEP);
                PolicyLossInputs down = shifted(in, i, t, -STEP);
                double oracleNumeric = (PolicyLossOracle.evaluate(objective, up, normalizer).loss()
                        - PolicyLossOracle.evaluate(objective, down, normalizer).loss()) / (2 * STEP);
                double ndNumeric = (NdPolicyLoss.loss(objective, up, normalizer)
                        - NdPolicyLoss.loss(objective, down, normalizer)) / (2 * STEP);
                double tol = 1e-8 + 1e-6 * Math.abs(oracleNumeric);
                assertEquals(oracleNumeric, oracle[i][t], tol, "oracle d loss / d logp[" + i + "][" + t + "]");
                assertEquals(ndNumeric, nd[i][t], tol, "NDArray d loss / d logp[" + i + "][" + t + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} beta={3}")
    @MethodSource("variants")
    void float32LogProbsWithInputsOfOtherTypesMatchTheOracleToFloatPrecision(AdvantageScaling scaling, RatioLevel level,
                                                                             LossAggregation aggregation, double beta) {
        PolicyObjective objective = new PolicyObjective(level, 0.2, 0.28, beta);
        PolicyLossInputs in = RandomBatch.inputs(scaling, beta > 0, 11);
        LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, in.mask(), RandomBatch.MAX_COMPLETION_LENGTH);
        double expected = PolicyLossOracle.evaluate(objective, in, normalizer).loss();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbs = m.create(in.logProbs()).toType(DataType.FLOAT32, false); // (B, L) float32
            NDArray ref = in.refLogProbs() == null ? null : m.create(in.refLogProbs()); // float64
            NDArray mask = m.create(in.mask()).toType(DataType.INT32, false);
            PolicyLoss.Result r = new PolicyLoss(objective).compute(logProbs, m.create(in.oldLogProbs()), ref,
                    m.create(in.advantages()), mask, normalizer);
            assertEquals(DataType.FLOAT32, r.loss().getDataType());
            assertEquals(expected, r.loss().getFloat(), 1e-5 * (1 + Math.abs(expected)));
        }
    }

    /** Tokens whose clip binds get exactly 0 (β = 0, so the surrogate is the only term). */
    private static void assertClippedTokensHaveNoGradient(PolicyObjective objective, PolicyLossInputs in,
                                                          double[][] gradient) {
        int low = 0;
        int high = 0;
        for (int i = 0; i < in.rows(); i++) {
            double[] ratios = PolicyLossOracle.ratios(objective.ratioLevel(), in.logProbs()[i], in.oldLogProbs()[i],
                    in.mask()[i]);
            for (int t = 0; t < in.length(); t++) {
                double a = in.advantages()[i];
                boolean clippedLow = objective.clippedLow(ratios[t], a);
                boolean clippedHigh = objective.clippedHigh(ratios[t], a);
                if (in.mask()[i][t] == 1 && (clippedLow || clippedHigh)) {
                    assertEquals(0.0, gradient[i][t], 0.0, "clipped token [" + i + "][" + t + "]");
                    low += clippedLow ? 1 : 0;
                    high += clippedHigh ? 1 : 0;
                } else if (in.mask()[i][t] == 1 && a != 0) {
                    assertTrue(gradient[i][t] != 0, "unclipped token [" + i + "][" + t + "] passes gradient");
                }
            }
        }
        assertTrue(low > 0 && high > 0, "tokens clipped on each side: low " + low + ", high " + high);
    }

    private static PolicyLossInputs shifted(PolicyLossInputs in, int row, int t, double delta) {
        double[][] logp = new double[in.rows()][];
        for (int i = 0; i < in.rows(); i++) {
            logp[i] = in.logProbs()[i].clone();
        }
        logp[row][t] += delta;
        return new PolicyLossInputs(logp, in.oldLogProbs(), in.refLogProbs(), in.advantages(), in.mask());
    }

    static void assertStatsEqual(PolicyLossStats expected, PolicyLossStats actual) {
        assertEquals(expected.loss(), actual.loss(), EXACT, "stats.loss");
        assertEquals(expected.policyLoss(), actual.policyLoss(), EXACT, "stats.policyLoss");
        assertEquals(expected.klLoss(), actual.klLoss(), EXACT, "stats.klLoss");
        assertEquals(expected.tokens(), actual.tokens(), 0.0, "stats.tokens");
        assertEquals(expected.ratioSum(), actual.ratioSum(), EXACT, "stats.ratioSum");
        assertEquals(expected.clippedLow(), actual.clippedLow(), 0.0, "stats.clippedLow");
        assertEquals(expected.clippedHigh(), actual.clippedHigh(), 0.0, "stats.clippedHigh");
        assertEquals(expected.klSum(), actual.klSum(), EXACT, "stats.klSum");
    }
}
