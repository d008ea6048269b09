package dev.reason4j.grpo.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters with chosen values and gradients set exactly (the gradient of Σ p·c is c, bit for bit). */
final class TestTensors {
    private TestTensors() {
    }

    /** A parameter requiring gradients, in {@code manager}, of {@code type}. */
    static NDArray parameter(NDManager manager, DataType type, double[] values, long... shape) {
        NDArray p = manager.create(values, new Shape(shape)).toType(type, false);
        p.setRequiresGradient(true);
        return p;
    }

    /** Replaces every parameter's gradient by the given values (rounded to the parameter's type). */
    static void setGradients(Map<String, NDArray> parameters, Map<String, double[]> gradients) {
        Gradients.zero(parameters);
        NDManager owner = parameters.values().iterator().next().getManager();
        try (NDManager m = owner.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray p = e.getValue();
                NDArray c = m.create(gradients.get(e.getKey()), p.getShape()).toType(p.getDataType(), false);
                NDArray term = p.mul(c).sum();
                loss = loss == null ? term : loss.add(term);
            }
            gc.backward(loss);
        }
    }

    static Map<String, double[]> values(Map<String, NDArray> tensors) {
        Map<String, double[]> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            try (NDArray d = t.toType(DataType.FLOAT64, true)) {
                out.put(name, d.toDoubleArray());
            }
        });
        return out;
    }

    static double[] gradient(NDArray p) {
        try (NDArray g = p.getGradient(); NDArray d = g.toType(DataType.FLOAT64, true)) {
            return d.toDoubleArray();
        }
    }
}
