package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three aggregations on a hand-sized batch, on policy (r = 1, so each token's loss is −A), β = 0,
 * L_max = 4:
 * <pre>
 *   completion 0: A =  1, 3 tokens → token losses −1 −1 −1
 *   completion 1: A = −2, 1 token  → token loss   +2
 *   completion 2: A =  5, 2 tokens, truncated     → −5 −5 if kept
 * </pre>
 */
class LossAggregationTest {
    private static final double TOL = 1e-12;
    private static final PolicyObjective OBJECTIVE = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0);
    private static final double[][] LOG_PROBS = {{-1, -2, -0.5, -3}, {-0.7, -1, -1, -1}, {-2, -1, -1, -1}};
    private static final double[] ADVANTAGES = {1, -2, 5};
    private static final double[][] MASK = CompletionMasks.fromLengths(new int[] {3, 1, 2}, 4);
    private static final boolean[] TRUNCATED = {false, false, true};

    static Stream<Arguments> handWorked() {
        return Stream.of(
                // (1/B) Σ_i (1/|o_i|) Σ_t: (1/2)(−3/3 + 2/1) = 0.5; weights 1/(2·3) and 1/(2·1)
                Arguments.of(LossAggregation.SEQUENCE_MEAN, true, 0.5, new double[] {1.0 / 6, 1.0 / 2, 0}),
                // Σ / Σm: (−3 + 2)/4 = −0.25; weight 1/4 everywhere
                Arguments.of(LossAggregation.TOKEN_MEAN, true, -0.25, new double[] {0.25, 0.25, 0}),
                // Σ / (B·L_max): (−3 + 2)/(2·4) = −0.125; weight 1/8
                Arguments.of(LossAggregation.CONSTANT, true, -0.125, new double[] {0.125, 0.125, 0}),
                // truncated completion kept: B = 3, Σm = 6
                // (1/3)(−3/3 + 2/1 − 10/2) = −4/3
                Arguments.of(LossAggregation.SEQUENCE_MEAN, false, -4.0 / 3, new double[] {1.0 / 9, 1.0 / 3, 1.0 / 6}),
                // (−3 + 2 − 10)/6 = −11/6
                Arguments.of(LossAggregation.TOKEN_MEAN, false, -11.0 / 6, new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6}),
                // (−3 + 2 − 10)/(3·4) = −11/12
                Arguments.of(LossAggregation.CONSTANT, false, -11.0 / 12, new double[] {1.0 / 12, 1.0 / 12, 1.0 / 12}));
    }

    @ParameterizedTest(name = "{0} mask truncated={1}")
    @MethodSource("handWorked")
    void aggregationOfTwoCompletionsOfDifferentLengths(LossAggregation aggregation, boolean maskTruncated,
                                                       double loss, double[] weights) {
        double[][] mask = maskTruncated ? CompletionMasks.withoutTruncated(MASK, TRUNCATED) : MASK;
        PolicyLossInputs in = new PolicyLossInputs(LOG_PROBS, LOG_PROBS, null, ADVANTAGES, mask);
        LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, mask, 4);
        assertArrayEquals(weights, normalizer.sequenceWeights(), TOL);

        PolicyLossOracle.Result oracle = PolicyLossOracle.evaluate(OBJECTIVE, in, normalizer);
        NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(OBJECTIVE, in, normalizer);
        assertEquals(loss, oracle.loss(), TOL);
        assertEquals(loss, nd.loss(), TOL);
        for (int i = 0; i < 3; i++) {
            for (int t = 0; t < 4; t++) {
                // on policy: ∂L/∂logp = −A_i · weight_i on an unmasked token, 0 elsewhere
                double expected = mask[i][t] * -ADVANTAGES[i] * weights[i];
                assertEquals(expected, oracle.gradient()[i][t], TOL, "oracle [" + i + "][" + t + "]");
                assertEquals(expected, nd.gradient()[i][t], expected == 0 ? 0.0 : TOL, "NDArray [" + i + "][" + t + "]");
            }
        }
        assertEquals(maskTruncated ? 4 : 6, nd.stats().tokens(), 0.0);
    }

    @Test
    void constantAggregationRejectsACompletionLongerThanLMax() {
        var e = assertThrows(Reason4jException.class,
                () -> LossNormalizer.forBatch(LossAggregation.CONSTANT, MASK, 2));
        assertTrue(e.getMessage().contains("completion 0 has 3 tokens"), e.getMessage());
    }

    @Test
    void aBatchWithEveryCompletionMaskedHasZeroLoss() {
        double[][] none = CompletionMasks.withoutTruncated(MASK, new boolean[] {true, true, true});
        PolicyLossInputs in = new PolicyLossInputs(LOG_PROBS, LOG_PROBS, null, ADVANTAGES, none);
        for (LossAggregation aggregation : LossAggregation.values()) {
            NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(OBJECTIVE, in, LossNormalizer.forBatch(aggregation, none, 4));
            assertEquals(0, nd.loss(), 0.0);
            for (double[] row : nd.gradient()) {
                assertArrayEquals(new double[4], row, 0.0);
            }
        }
    }

    @Test
    void maskEntriesOtherThanZeroOrOneAreRejected() {
        var e = assertThrows(Reason4jException.class, () -> LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN,
                new double[][] {{1, 0.5}}, 2));
        assertTrue(e.getMessage().contains("mask[0][1]"), e.getMessage());
    }
}
