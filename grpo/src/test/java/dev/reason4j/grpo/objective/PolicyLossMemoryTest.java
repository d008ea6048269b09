package dev.reason4j.grpo.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * The loss leaves nothing behind in the caller's manager but the loss array it returns. (DJL's
 * {@code GradientCollector.backward(loss)} itself attaches a ones-like seed to the loss's manager on
 * every call, so the trainer runs each step in a sub-manager it closes.)
 */
class PolicyLossMemoryTest {
    @Test
    void eachCallAttachesOnlyTheReturnedLoss() {
        PolicyObjective objective = new PolicyObjective(RatioLevel.SEQUENCE, 0.2, 0.28, 0.05);
        PolicyLossInputs in = RandomBatch.inputs(AdvantageScaling.GROUP, true, 5);
        LossNormalizer normalizer = LossNormalizer.forBatch(LossAggregation.TOKEN_MEAN, in.mask(), 8);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbs = m.create(in.logProbs());
            logProbs.setRequiresGradient(true);
            NDArray old = m.create(in.oldLogProbs());
            NDArray ref = m.create(in.refLogProbs());
            NDArray adv = m.create(in.advantages());
            NDArray mask = m.create(in.mask());
            int start = managed(m);
            for (int step = 0; step < 5; step++) {
                try (NDManager stepManager = m.newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    int before = managed(m);
                    PolicyLoss.Result r = new PolicyLoss(objective).compute(logProbs, old, ref, adv, mask, normalizer);
                    assertEquals(before + 1, managed(m), "step " + step + ": only the loss is new");
                    r.loss().attach(stepManager);
                    gc.backward(r.loss());
                }
                assertEquals(start, managed(m), "step " + step + ": nothing outlives the step's manager");
            }
        }
    }

    private static int managed(NDManager m) {
        return ((BaseNDManager) m).getManagedArrays().size();
    }
}
