package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

/** YAML names of the variants and the validation messages of the objective's settings. */
class ObjectiveConfigTest {
    @Test
    void variantsAreFoundByTheirTrlNames() {
        assertEquals(LossAggregation.SEQUENCE_MEAN, ConfigNamed.fromConfigName(LossAggregation.class, "loss_type", "grpo"));
        assertEquals(LossAggregation.TOKEN_MEAN, ConfigNamed.fromConfigName(LossAggregation.class, "loss_type", "dapo"));
        assertEquals(LossAggregation.CONSTANT, ConfigNamed.fromConfigName(LossAggregation.class, "loss_type", "DR_GRPO"));
        assertEquals(AdvantageScaling.BATCH, ConfigNamed.fromConfigName(AdvantageScaling.class, "scale_rewards", "batch"));
        assertEquals(AdvantageScaling.RLOO, ConfigNamed.fromConfigName(AdvantageScaling.class, "scale_rewards", " rloo "));
        assertEquals(RatioLevel.SEQUENCE, ConfigNamed.fromConfigName(RatioLevel.class, "ratio_level", "sequence"));
    }

    @Test
    void unknownNameListsTheAcceptedOnes() {
        var e = assertThrows(Reason4jException.class,
                () -> ConfigNamed.fromConfigName(LossAggregation.class, "loss_type", "bnpo"));
        assertEquals("loss_type: unknown value 'bnpo'; use one of grpo, dapo, dr_grpo", e.getMessage());
    }

    @Test
    void clipLowOfOneOrMoreIsRejectedWithTheFix() {
        var e = assertThrows(Reason4jException.class, () -> new PolicyObjective(RatioLevel.TOKEN, 1.0, 0.2, 0));
        assertTrue(e.getMessage().startsWith("PolicyObjective.clipLow (ε_low) must be in [0, 1), got 1.0"), e.getMessage());
    }

    @Test
    void negativeOrNaNSettingsAreRejected() {
        assertThrows(Reason4jException.class, () -> new PolicyObjective(RatioLevel.TOKEN, 0.2, -0.1, 0));
        assertThrows(Reason4jException.class, () -> new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, Double.NaN));
        assertThrows(Reason4jException.class, () -> new PolicyObjective(RatioLevel.TOKEN, Double.NaN, 0.2, 0));
    }

    @Test
    void mismatchedShapesAreRejectedNamingTheField() {
        var e = assertThrows(Reason4jException.class, () -> new PolicyLossInputs(new double[][] {{-1, -2}},
                new double[][] {{-1}}, null, new double[] {1}, new double[][] {{1, 1}}));
        assertTrue(e.getMessage().contains("oldLogProbs row 0 has 1 entries, expected 2"), e.getMessage());
    }

    @Test
    void minibatchNormaliserMustCoverTheMinibatchRows() {
        LossNormalizer full = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, new double[][] {{1}, {1}}, 1);
        PolicyLossInputs one = new PolicyLossInputs(new double[][] {{-1}}, new double[][] {{-1}}, null,
                new double[] {1}, new double[][] {{1}});
        PolicyObjective objective = new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.2, 0);
        var e = assertThrows(Reason4jException.class, () -> PolicyLossOracle.evaluate(objective, one, full));
        assertTrue(e.getMessage().contains("take the minibatch's rows"), e.getMessage());
        // on policy, A = 1, weight 1/2 (the full batch has 2 tokens): ∂L/∂logp = −A/2
        assertEquals(-0.5, PolicyLossOracle.evaluate(objective, one, full.rows(0, 1)).gradient()[0][0], 0.0);
    }
}
