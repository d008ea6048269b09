package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One GRPO step on a softmax bandit: a context-free single-token policy π = softmax(θ) over K arms. A
 * "completion" is a few independent pulls (its tokens), all sharing the completion's advantage, so the
 * aggregations and the GSPO ratio differ. The step is the NDArray loss, autograd on θ and plain SGD
 * θ' = θ − η·∇L; the expected π' is worked out here from the formulas alone, with
 * ∂ log π_a / ∂θ = e_a − π, and must match to 1e-9 (FLOAT64).
 */
class SoftmaxBanditTest {
    private static final double[] THETA = {0.3, -0.2, 0.5, 0.0};
    /** Arms pulled, padded with arm 0 past each completion's length. */
    private static final int[][] ARMS = {{0, 2, 2}, {1, 0, 0}, {3, 0, 0}, {3, 1, 3}, {2, 0, 1}};
    private static final int[] LENGTHS = {3, 1, 2, 3, 3};
    private static final boolean[] TRUNCATED = {false, false, false, false, true};
    private static final double[] REWARDS = {1, 0, 1, 0, 0.5};
    private static final int MAX_LENGTH = 4;
    private static final double LEARNING_RATE = 0.5;

    /**
     * θ_old − θ: log r per arm ≈ (−0.17, −0.62, +0.48, +0.38), so with ε = (0.2, 0.28) the token ratio binds
     * on both sides, and GSPO's sequence ratio binds for completions 0 (above) and 1 (below) but not 2 and 3.
     */
    private static final double[] STALE = {0.05, 0.5, -0.6, -0.5};

    /** Where π_old and π_ref sit relative to π_θ, and β. */
    enum Scenario {
        ON_POLICY(new double[4], null, 0),
        KL_TO_REFERENCE(new double[4], new double[] {0.4, -0.3, 0.2, -0.1}, 0.1),
        STALE_OLD_POLICY_CLIPPED(STALE, null, 0),
        STALE_AND_KL(STALE, new double[] {0.4, -0.3, 0.2, -0.1}, 0.1);

        final double[] oldOffset;
        final double[] refOffset;
        final double beta;

        Scenario(double[] oldOffset, double[] refOffset, double beta) {
            this.oldOffset = oldOffset;
            this.refOffset = refOffset;
            this.beta = beta;
        }
    }

    @Test
    void handWorkedStepOnThreeArms() {
        // θ = 0 → π = (1/3, 1/3, 1/3). Four one-pull completions: arms 0, 0, 1, 2 with rewards 1, 1, 0, 0.
        // Dr. GRPO advantages R − mean = (0.5, 0.5, −0.5, −0.5); token mean: weight 1/4; on policy r = 1.
        // ∇L = Σ_i (1/4)(−A_i)(e_{a_i} − π) = −(1/4)(e_0 − 0.5 e_1 − 0.5 e_2) = (−0.25, 0.125, 0.125)
        // (Σ A_i = 0, so the π terms cancel). η = 1: θ' = (0.25, −0.125, −0.125);
        // e^0.25 = 1.2840254, e^−0.125 = 0.8824969, sum 3.0490192 → π' = (0.4211274, 0.2894363, 0.2894363).
        double[] advantages = new GroupRelativeAdvantages(AdvantageScaling.NONE).compute(new double[][] {{1, 1, 0, 0}})[0];
        assertArrayEquals(new double[] {0.5, 0.5, -0.5, -0.5}, advantages, 0.0);
        double[][] mask = {{1}, {1}, {1}, {1}};
        double[] next = ndStep(new double[3], new int[][] {{0}, {0}, {1}, {2}}, mask, advantages,
                new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0), LossAggregation.TOKEN_MEAN, Scenario.ON_POLICY, 1.0);
        assertArrayEquals(new double[] {0.42112736039287296, 0.28943631980356355, 0.28943631980356355}, next, 1e-12);
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (LossAggregation aggregation : LossAggregation.values()) {
            for (RatioLevel level : RatioLevel.values()) {
                for (Scenario scenario : Scenario.values()) {
                    out.add(Arguments.of(aggregation, level, scenario));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("variants")
    void oneGrpoStepMovesTheProbabilitiesByTheClosedFormAmount(LossAggregation aggregation, RatioLevel level,
                                                               Scenario scenario) {
        PolicyObjective objective = new PolicyObjective(level, 0.2, 0.28, scenario.beta);
        double[] advantages = new GroupRelativeAdvantages(AdvantageScaling.GROUP).compute(new double[][] {REWARDS})[0];
        double[][] mask = CompletionMasks.withoutTruncated(CompletionMasks.fromLengths(LENGTHS, 3), TRUNCATED);

        ClosedForm expected = closedForm(aggregation, objective, scenario, advantages);
        double[] actual = ndStep(THETA, ARMS, mask, advantages, objective, aggregation, scenario, LEARNING_RATE);

        assertArrayEquals(expected.next, actual, 1e-9);
        double moved = 0;
        double[] before = softmax(THETA);
        for (int k = 0; k < THETA.length; k++) {
            moved = Math.max(moved, Math.abs(actual[k] - before[k]));
        }
        assertTrue(moved > 1e-3, "the step moved π by " + moved);
        if (!isZero(scenario.oldOffset)) {
            assertTrue(expected.clippedTokens > 0 && expected.clippedTokens < 9,
                    "the stale π_old makes the clip bind on some of the 9 kept tokens: " + expected.clippedTokens);
        }
    }

    private record ClosedForm(double[] next, int clippedTokens) {
    }

    /** π' from the formulas: weights of the aggregation, r or s, the clip's binding side, k3's derivative. */
    private static ClosedForm closedForm(LossAggregation aggregation, PolicyObjective objective, Scenario scenario,
                                         double[] advantages) {
        double[] pi = softmax(THETA);
        double[] piOld = softmax(add(THETA, scenario.oldOffset));
        double[] piRef = scenario.refOffset == null ? null : softmax(add(THETA, scenario.refOffset));
        int kept = 0;
        int tokens = 0;
        for (int i = 0; i < ARMS.length; i++) {
            kept += TRUNCATED[i] ? 0 : 1;
            tokens += TRUNCATED[i] ? 0 : LENGTHS[i];
        }
        double[] grad = new double[THETA.length];
        int clipped = 0;
        for (int i = 0; i < ARMS.length; i++) {
            if (TRUNCATED[i]) {
                continue; // removed from the loss: no term, and not counted in B or in the tokens
            }
            int n = LENGTHS[i];
            double w = tokenWeight(aggregation, n, kept, tokens);
            double a = advantages[i];
            double logS = 0;
            for (int t = 0; t < n; t++) {
                logS += Math.log(pi[ARMS[i][t]] / piOld[ARMS[i][t]]) / n;
            }
            for (int t = 0; t < n; t++) {
                int arm = ARMS[i][t];
                // token: ℓ_t = −A·r_t, ∂r_t/∂θ = r_t (e_a − π). GSPO: each of the n tokens carries −A·s with
                // ∂s/∂θ = s·(1/n) Σ_u (e_{a_u} − π); summed over the n tokens that is w·(−A·s)·Σ_u (e_{a_u} − π).
                double r = objective.ratioLevel() == RatioLevel.TOKEN ? pi[arm] / piOld[arm] : Math.exp(logS);
                boolean binds = a > 0 && r > 1.28 || a < 0 && r < 0.8;
                clipped += binds ? 1 : 0;
                double coefficient = binds ? 0 : w * -a * r;
                if (piRef != null) {
                    coefficient += objective.beta() * w * (1 - piRef[arm] / pi[arm]); // d k3 / d log π_a
                }
                for (int k = 0; k < THETA.length; k++) {
                    grad[k] += coefficient * ((k == arm ? 1 : 0) - pi[k]);
                }
            }
        }
        double[] next = THETA.clone();
        for (int k = 0; k < next.length; k++) {
            next[k] -= LEARNING_RATE * grad[k];
        }
        return new ClosedForm(softmax(next), clipped);
    }

    /** (1/B)(1/|o_i|) for grpo, 1/Σm for dapo, 1/(B·L_max) for dr_grpo, B and Σm over kept completions. */
    private static double tokenWeight(LossAggregation aggregation, int length, int kept, int tokens) {
        if (aggregation == LossAggregation.SEQUENCE_MEAN) {
            return 1.0 / (kept * length);
        }
        return aggregation == LossAggregation.TOKEN_MEAN ? 1.0 / tokens : 1.0 / (kept * MAX_LENGTH);
    }

    /** The NDArray path: log π by log_softmax of θ, PolicyLoss, autograd, SGD; returns softmax(θ'). */
    private static double[] ndStep(double[] theta0, int[][] arms, double[][] mask, double[] advantages,
                                   PolicyObjective objective, LossAggregation aggregation, Scenario scenario,
                                   double learningRate) {
        int k = theta0.length;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray theta = m.create(theta0); // (K) float64
            theta.setRequiresGradient(true);
            NDArray oneHot = m.create(oneHot(arms, k), new Shape(arms.length, arms[0].length, k)); // (B, L, K)
            LossNormalizer normalizer = LossNormalizer.forBatch(aggregation, mask, MAX_LENGTH);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logProbs = oneHot.mul(theta.logSoftmax(0)).sum(new int[] {2}); // (B, L)
                NDArray old = isZero(scenario.oldOffset)
                        ? logProbs.stopGradient()
                        : pulled(oneHot, m.create(add(theta0, scenario.oldOffset)));
                NDArray ref = scenario.refOffset == null ? null : pulled(oneHot, m.create(add(theta0, scenario.refOffset)));
                PolicyLoss.Result result = new PolicyLoss(objective).compute(logProbs, old, ref, m.create(advantages),
                        m.create(mask), normalizer);
                gc.backward(result.loss());
            }
            NDArray next = theta.sub(theta.getGradient().mul(learningRate)); // plain SGD
            return next.softmax(0).toDoubleArray();
        }
    }

    /** (B, L) log softmax(θ)[arm], without gradient. */
    private static NDArray pulled(NDArray oneHot, NDArray theta) {
        return oneHot.mul(theta.logSoftmax(0)).sum(new int[] {2});
    }

    private static double[] oneHot(int[][] arms, int k) {
        double[] out = new double[arms.length * arms[0].length * k];
        for (int i = 0; i < arms.length; i++) {
            for (int t = 0; t < arms[0].length; t++) {
                out[(i * arms[0].length + t) * k + arms[i][t]] = 1;
            }
        }
        return out;
    }

    private static double[] softmax(double[] theta) {
        double sum = 0;
        double[] out = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            out[k] = Math.exp(theta[k]);
            sum += out[k];
        }
        for (int k = 0; k < theta.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += b[k];
        }
        return out;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
