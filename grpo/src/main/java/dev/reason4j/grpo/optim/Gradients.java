package dev.reason4j.grpo.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations on the gradients of a set of parameters: their global norm, clipping it, and zeroing
 * them. Gradients accumulate across backward passes until zeroed (DJL's PyTorch engine does not
 * clear them), which is what gradient accumulation over micro-batches relies on.
 */
public final class Gradients {
    /** Added to the norm before dividing, as torch.nn.utils.clip_grad_norm_ does. */
    public static final double CLIP_EPSILON = 1e-6;
    private static final Logger LOG = LoggerFactory.getLogger(Gradients.class);

    private Gradients() {
    }

    /**
     * √(Σ ||g||²) over every parameter's gradient (a parameter no backward reached counts as 0).
     * Each tensor's sum of squares is taken in its own type, their total in float64.
     *
     * @return the norm; NaN or infinite when any gradient holds NaN or ±Inf
     */
    public static double globalNorm(Map<String, NDArray> parameters) {
        if (parameters.isEmpty()) {
            return 0;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList squares = new NDList(parameters.size());
            parameters.forEach((name, p) -> squares.add(gradient(name, p).square().sum().toType(DataType.FLOAT64, false)));
            return Math.sqrt(NDArrays.stack(squares).sum().getDouble()); // (P) → ()
        }
    }

    /**
     * torch.nn.utils.clip_grad_norm_: with total = {@link #globalNorm}, when maxNorm / (total + 1e-6)
     * is below 1 every gradient is multiplied by it in place; otherwise they are left alone. A
     * non-finite total leaves the gradients untouched and is returned as is: the caller skips the step.
     *
     * @return the norm before clipping (the metric to log)
     */
    public static double clipGlobalNorm(Map<String, NDArray> parameters, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new Reason4jException("max gradient norm is " + maxNorm + "; it must be a finite number > 0 (TRL's default is 1.0)");
        }
        double total = globalNorm(parameters);
        if (!Double.isFinite(total)) {
            LOG.debug("gradient norm is {}; gradients left unclipped", total);
            return total;
        }
        double coefficient = maxNorm / (total + CLIP_EPSILON);
        if (coefficient < 1) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                parameters.forEach((name, p) -> {
                    NDArray g = gradient(name, p);
                    g.muli(g.getDataType() == DataType.FLOAT64 ? coefficient : (float) coefficient);
                });
            }
        }
        return total;
    }

    /**
     * Sets every parameter's gradient to exactly 0 in place (NaN and Inf included, which
     * {@code g - g} would keep). Call between optimizer steps, not between accumulated micro-batches.
     */
    public static void zero(Map<String, NDArray> parameters) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            parameters.forEach((name, p) -> {
                if (p.hasGradient()) {
                    p.getGradient().set(new NDIndex("..."), 0);
                }
            });
        }
    }

    private static NDArray gradient(String name, NDArray p) {
        if (!p.hasGradient()) {
            throw new Reason4jException("parameter " + name + " has no gradient: call setRequiresGradient(true) on every parameter"
                    + " before the forward pass");
        }
        return p.getGradient();
    }
}
