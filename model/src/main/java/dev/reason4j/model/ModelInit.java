package dev.reason4j.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fresh random weights for a config, as HF initialises a causal LM: linear and embedding weights
 * ~ N(0, initializer_range), biases 0, norm weights 1. Values are drawn in Java from one seeded
 * generator in parameter order, so a seed gives the same model on any device or thread count.
 */
public final class ModelInit {
    public static final double DEFAULT_STD = 0.02;

    private ModelInit() {
    }

    /** A new model on {@code device}; the caller closes it. */
    public static DecoderModel random(ModelConfig config, long seed, Device device, DataType dtype) {
        double std = config.raw().path("initializer_range").asDouble(DEFAULT_STD);
        return random(config, seed, std, device, dtype);
    }

    public static DecoderModel random(ModelConfig config, long seed, double std, Device device, DataType dtype) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            SplittableRandom rng = new SplittableRandom(seed);
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (String name : ParameterNames.all(config)) {
                long[] shape = ParameterNames.shape(config, name);
                int n = (int) new Shape(shape).size();
                float[] values = new float[n];
                if (name.endsWith("norm.weight")) {
                    java.util.Arrays.fill(values, 1f);
                } else if (!name.endsWith(".bias")) {
                    for (int i = 0; i < n; i++) {
                        values[i] = (float) (gaussian(rng) * std);
                    }
                }
                NDArray array = manager.create(values, new Shape(shape)).toType(dtype, false);
                params.put(name, array);
            }
            return new DecoderModel(config, manager, params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Box–Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
