package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Minibatches and gradient accumulation: with the full batch's normaliser, the minibatch losses (and
 * stats, and gradient rows) add up to the full-batch ones, for every aggregation, on both
 * implementations; each minibatch normalising by its own counts would not.
 */
class MinibatchSplitTest {
    private static final double TOL = 1e-12;
    private static final int[][] CONTIGUOUS = {{0, 1, 2}, {3, 4, 5, 6, 7}};
    private static final int[][] SHUFFLED = {{5, 0, 7}, {2}, {6, 4, 1, 3}};

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (LossAggregation aggregation : LossAggregation.values()) {
            for (RatioLevel level : RatioLevel.values()) {
                out.add(Arguments.of(aggregation, level, CONTIGUOUS));
                out.add(Arguments.of(aggregation, level, SHUFFLED));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} split {index}")
    @MethodSource("variants")
    void minibatchLossesSumToTheFullBatchLoss(LossAggregation aggregation, RatioLevel level, int[][] split) {
        PolicyObjective objective = new PolicyObjective(level, 0.2, 0.28, 0.05);
        PolicyLossInputs full = RandomBatch.inputs(AdvantageScaling.GROUP, true, 3);
        LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, full.mask(), RandomBatch.MAX_COMPLETION_LENGTH);
        PolicyLossOracle.Result whole = PolicyLossOracle.evaluate(objective, full, normalizer);

        PolicyLossStats oracleSum = PolicyLossStats.EMPTY;
        PolicyLossStats ndSum = PolicyLossStats.EMPTY;
        double ownCountsSum = 0;
        for (int[] rows : split) {
            PolicyLossInputs part = full.rows(rows);
            PolicyLossOracle.Result oracle = PolicyLossOracle.evaluate(objective, part, normalizer.rows(rows));
            NdPolicyLoss.Evaluation nd = NdPolicyLoss.evaluate(objective, part, normalizer.rows(rows));
            oracleSum = oracleSum.plus(oracle.stats());
            ndSum = ndSum.plus(nd.stats());
            for (int k = 0; k < rows.length; k++) {
                assertArrayEquals(whole.gradient()[rows[k]], nd.gradient()[k], TOL, "gradient of row " + rows[k]);
            }
            LossNormalizer ownCounts = LossNormalizer.forBatch(aggregation, part.mask(), RandomBatch.MAX_COMPLETION_LENGTH);
            ownCountsSum += PolicyLossOracle.evaluate(objective, part, ownCounts).loss();
        }
        assertEquals(whole.loss(), oracleSum.loss(), TOL, "oracle");
        assertEquals(whole.loss(), ndSum.loss(), TOL, "NDArray");
        PolicyLossAgreementTest.assertStatsEqual(whole.stats(), ndSum);
        assertTrue(Math.abs(ownCountsSum - whole.loss()) > 1e-3,
                "normalising each minibatch by its own counts changes the loss: " + ownCountsSum + " vs " + whole.loss());
    }
}
