package dev.reason4j.grpo.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/** Runs {@link PolicyLoss} on FLOAT64 copies of oracle inputs and reads back loss, gradient and stats. */
final class NdPolicyLoss {
    record Evaluation(double loss, double[][] gradient, PolicyLossStats stats) {
    }

    private NdPolicyLoss() {
    }

    /** Loss, stats and ∂loss/∂logProbs by autograd. */
    static Evaluation evaluate(PolicyObjective objective, PolicyLossInputs in, LossNormalizer normalizer) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbs = m.create(in.logProbs()); // (B, L) float64
            logProbs.setRequiresGradient(true);
            PolicyLoss.Result result;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                result = compute(objective, in, normalizer, m, logProbs);
                gc.backward(result.loss());
            }
            double[] flat = logProbs.getGradient().toDoubleArray();
            return new Evaluation(result.stats().loss(), unflatten(flat, in.rows(), in.length()), result.stats());
        }
    }

    /** The loss alone, no gradient: for finite differences. */
    static double loss(PolicyObjective objective, PolicyLossInputs in, LossNormalizer normalizer) {
        try (NDManager m = NDManager.newBaseManager()) {
            return compute(objective, in, normalizer, m, m.create(in.logProbs())).loss().getDouble();
        }
    }

    private static PolicyLoss.Result compute(PolicyObjective objective, PolicyLossInputs in, LossNormalizer normalizer,
                                             NDManager m, NDArray logProbs) {
        NDArray ref = in.refLogProbs() == null ? null : m.create(in.refLogProbs());
        return new PolicyLoss(objective).compute(logProbs, m.create(in.oldLogProbs()), ref,
                m.create(in.advantages()), m.create(in.mask()), normalizer);
    }

    static double[][] unflatten(double[] flat, int rows, int length) {
        double[][] out = new double[rows][length];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * length, out[i], 0, length);
        }
        return out;
    }
}
