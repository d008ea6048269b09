package dev.reason4j.grpo.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Reason4jException;
import java.util.Objects;

/**
 * The batch loss of {@link PolicyObjective} over NDArrays, the one the trainer backpropagates; the same
 * numbers as {@link PolicyLossOracle}, which documents the formulas and their gradient.
 *
 * <p>Gradient flows only through {@code logProbs}: old and reference log-probs, advantages and mask are
 * detached here. Every op on the gradient path keeps the autograd graph (no {@code toType}); the clip
 * is {@code clip} and the min {@code minimum}, so a token whose clip binds gets exactly 0 gradient from
 * the surrogate.
 *
 * <p>Native memory: intermediates are closed before {@link #compute} returns; only the loss stays,
 * attached to {@code logProbs}' manager. DJL's {@code GradientCollector.backward(loss)} attaches a
 * ones-like seed to the loss's manager on every call, so run each step in a sub-manager that is closed.
 *
 * <p>With one update per batch (μ = 1) pass {@code logProbs.stopGradient()} as the old log-probs: r = 1
 * and the gradient is the plain policy gradient −A·∇logp, through the same code.
 */
public final class PolicyLoss {
    private final PolicyObjective objective;

    /**
     * @param loss  scalar, to backpropagate; attached to {@code logProbs}' manager, which closes it (or
     *              the caller does, after backward)
     * @param stats the detached measurements, as Java numbers
     */
    public record Result(NDArray loss, PolicyLossStats stats) {
    }

    public PolicyLoss(PolicyObjective objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    public PolicyObjective objective() {
        return objective;
    }

    /**
     * @param logProbs    (B, L) log π_θ with gradient, e.g. from {@code DecoderModel.tokenLogProbs}
     * @param oldLogProbs (B, L) log π_old
     * @param refLogProbs (B, L) log π_ref, or null (then β must be 0)
     * @param advantages  (B)
     * @param mask        (B, L) 1 on counted completion tokens, else 0; masked slots must be finite
     * @param normalizer  the full batch's normaliser, restricted to these B rows
     */
    public Result compute(NDArray logProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                          NDArray mask, LossNormalizer normalizer) {
        checkInputs(logProbs, oldLogProbs, refLogProbs, advantages, mask, normalizer);
        NDManager manager = logProbs.getManager();
        DataType type = logProbs.getDataType();
        long b = logProbs.getShape().get(0);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray m = constant(mask, type); // (B, L)
            NDArray adv = constant(advantages, type).reshape(b, 1); // (B, 1)
            NDArray weights = m.mul(manager.create(normalizer.sequenceWeights()).toType(type, false).reshape(b, 1)); // (B, L)
            NDArray ratio = ratio(logProbs.sub(constant(oldLogProbs, type)), m); // (B, L) token, (B, 1) sequence
            NDArray clipped = ratio.clip(objective.lowerBound(), objective.upperBound());
            NDArray surrogate = ratio.mul(adv).minimum(clipped.mul(adv)).neg(); // (B, L) or (B, 1)
            NDArray policyLoss = surrogate.mul(weights).sum(); // ()
            NDArray loss = policyLoss;
            NDArray kl = null;
            NDArray klLoss = null;
            if (refLogProbs != null) {
                NDArray d = constant(refLogProbs, type).sub(logProbs); // (B, L) logp_ref − logp
                kl = d.exp().sub(d).sub(1); // (B, L) k3
                klLoss = kl.mul(weights).sum();
                if (objective.beta() > 0) {
                    // a Java scalar would be a float64 0-d tensor and promote a float32 0-d loss to float64;
                    // the copy is torch-owned, so backward never reads a freed Java buffer (DJL's
                    // toType(sameType, true) returns an alias, hence duplicate)
                    NDArray beta = manager.create(objective.beta()).toType(type, false).duplicate();
                    loss = policyLoss.add(klLoss.mul(beta));
                }
            }
            PolicyLossStats stats = stats(loss, policyLoss, klLoss, kl, ratio, adv, m, type);
            NDScope.unregister(loss);
            return new Result(loss, stats);
        }
    }

    /** exp(logp − logp_old) per token, or GSPO's exp(masked mean over the row) as a (B, 1) column. */
    private NDArray ratio(NDArray logRatio, NDArray mask) {
        if (objective.ratioLevel() == RatioLevel.TOKEN) {
            return logRatio.exp();
        }
        NDArray tokens = mask.sum(new int[] {1}, true).maximum(1); // (B, 1), a fully masked row divides by 1
        return logRatio.mul(mask).sum(new int[] {1}, true).div(tokens).exp(); // (B, 1)
    }

    /** One device-to-host copy of every measurement. */
    private PolicyLossStats stats(NDArray loss, NDArray policyLoss, NDArray klLoss, NDArray kl, NDArray ratio,
                                  NDArray adv, NDArray mask, DataType type) {
        NDArray r = ratio.stopGradient();
        NDArray low = adv.lt(0).logicalAnd(r.lt(objective.lowerBound())).toType(type, false).mul(mask).sum();
        NDArray high = adv.gt(0).logicalAnd(r.gt(objective.upperBound())).toType(type, false).mul(mask).sum();
        NDList values = new NDList(loss, policyLoss, mask.sum(), r.mul(mask).sum(), low, high);
        if (kl != null) {
            values.add(klLoss);
            values.add(kl.mul(mask).sum());
        }
        double[] v = NDArrays.stack(values).stopGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        double klLossValue = kl == null ? Double.NaN : v[6];
        double klSum = kl == null ? Double.NaN : v[7];
        return new PolicyLossStats(v[0], v[1], klLossValue, v[2], v[3], v[4], v[5], klSum);
    }

    /** A detached copy in the loss's type; these inputs never carry gradient. */
    private static NDArray constant(NDArray array, DataType type) {
        NDArray detached = array.stopGradient();
        return detached.getDataType() == type ? detached : detached.toType(type, false);
    }

    private void checkInputs(NDArray logProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                             NDArray mask, LossNormalizer normalizer) {
        Shape shape = logProbs.getShape();
        if (shape.dimension() != 2) {
            throw new Reason4jException("logProbs must be (B, L), got " + shape);
        }
        checkShape("oldLogProbs", oldLogProbs, shape);
        checkShape("mask", mask, shape);
        if (refLogProbs != null) {
            checkShape("refLogProbs", refLogProbs, shape);
        } else if (objective.beta() > 0) {
            throw new Reason4jException("beta is " + objective.beta() + " but no reference log-probs were given; "
                    + "load the reference model or set beta to 0");
        }
        if (!advantages.getShape().equals(new Shape(shape.get(0)))) {
            throw new Reason4jException("advantages must be (B) = (" + shape.get(0) + "), got " + advantages.getShape());
        }
        if (normalizer.size() != shape.get(0)) {
            throw new Reason4jException("the loss normaliser covers " + normalizer.size() + " completions but "
                    + "logProbs holds " + shape.get(0) + "; take the minibatch's rows of the full-batch normaliser");
        }
    }

    private static void checkShape(String name, NDArray array, Shape expected) {
        if (!array.getShape().equals(expected)) {
            throw new Reason4jException(name + " must have the shape of logProbs " + expected + ", got "
                    + array.getShape());
        }
    }
}
