package dev.reason4j.grpo.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AdamW as {@code torch.optim.AdamW} computes it (Loshchilov &amp; Hutter 2019), over parameters held
 * by name, with state we own so that it can be saved and restored exactly (DJL keeps its
 * optimizers' moments private). One {@link #step} with learning rate η at step t, for each parameter
 * p with gradient g:
 *
 * <pre>
 *   p ← p · (1 − η·λ)                       only if the DecayPolicy decays p
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g·g
 *   p ← p − (η / (1 − β1^t)) · m / (√v · (1 / √(1 − β2^t)) + ε)
 * </pre>
 *
 * (PyTorch divides √v by √(1 − β2^t); multiplying by the reciprocal, computed once in double,
 * makes every element operation here a plain multiply, add or divide of two tensors, which a test
 * can mirror exactly; the results agree with torch's to an ulp.)
 *
 * Parameters are updated in place, so they stay the very NDArray objects the model holds. The
 * gradient is read, not cleared: call {@link Gradients#zero} before the next accumulation. A
 * parameter that no backward pass ever reached has a zero gradient here (PyTorch would skip it).
 */
public final class AdamW implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdamW.class);

    private final Map<String, NDArray> parameters;
    private final AdamWConfig config;
    private final Set<String> decayed;
    private OptimizerState state;

    /**
     * @param parameters the model's parameters by name (e.g. {@code DecoderModel.parameters()}), each
     *                   FLOAT32 or FLOAT64, all on one device; the map is copied, the arrays are not
     */
    public AdamW(Map<String, NDArray> parameters, AdamWConfig config, DecayPolicy decay) {
        if (config == null || decay == null) {
            throw new Reason4jException("AdamW needs a config and a decay policy (AdamWConfig.defaults(), DecayPolicy.exceptNormsAndBiases())");
        }
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        var device = OptimizerState.deviceOf(this.parameters);
        Set<String> decays = new LinkedHashSet<>();
        this.parameters.forEach((name, p) -> {
            OptimizerState.requireSupportedType(name, p);
            if (!p.getDevice().equals(device)) {
                throw new Reason4jException("parameter " + name + " is on " + p.getDevice() + " but others are on " + device
                        + "; AdamW needs all parameters on one device");
            }
            if (decay.decays(name)) {
                decays.add(name);
            }
        });
        this.config = config;
        this.decayed = Collections.unmodifiableSet(decays);
        this.state = OptimizerState.zerosLike(this.parameters);
    }

    /** PyTorch's defaults (weight decay 0.01) with norms and biases left undecayed. */
    public static AdamW withDefaults(Map<String, NDArray> parameters) {
        return new AdamW(parameters, AdamWConfig.defaults(), DecayPolicy.exceptNormsAndBiases());
    }

    public AdamWConfig config() {
        return config;
    }

    /** The parameters that receive weight decay. */
    public Set<String> decayedParameters() {
        return decayed;
    }

    /** Steps taken so far. */
    public long stepCount() {
        return state.step();
    }

    /** The moments and step count; owned by this optimizer. */
    public OptimizerState state() {
        return state;
    }

    /**
     * Takes one step with the parameters' current gradients. The caller decides whether to step:
     * skip it when the gradient norm is not finite.
     *
     * @param learningRate η for this step, e.g. {@code schedule.lr(stepCount())}
     */
    public void step(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new Reason4jException("learning rate is " + learningRate + "; it must be a finite number ≥ 0");
        }
        parameters.forEach(AdamW::requireGradient); // before anything changes, so a failed step changes nothing
        state.advance();
        long t = state.step();
        double stepSize = learningRate / (1 - Math.pow(config.beta1(), t));
        double inverseBiasCorrection2Sqrt = 1 / Math.sqrt(1 - Math.pow(config.beta2(), t));
        try (NDManager scratch = state.manager().newSubManager()) {
            Map<DataType, Scalars> scalars = new EnumMap<>(DataType.class);
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray param = e.getValue();
                Scalars s = scalars.computeIfAbsent(param.getDataType(),
                        type -> Scalars.of(scratch, type, config, learningRate, stepSize, inverseBiasCorrection2Sqrt));
                update(e.getKey(), param, s);
            }
        }
    }

    private void update(String name, NDArray param, Scalars s) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = gradientOf(name, param); // (param's shape)
            // A view sharing the parameter's storage: writes reach the model's array, autograd records none.
            NDArray p = param.stopGradient();
            NDArray m = state.firstMoment(name);
            NDArray v = state.secondMoment(name);
            if (decayed.contains(name)) {
                p.muli(s.decayFactor());
            }
            m.muli(s.beta1()).addi(g.mul(s.oneMinusBeta1()));
            v.muli(s.beta2()).addi(g.mul(g).muli(s.oneMinusBeta2()));
            NDArray denominator = v.sqrt().muli(s.inverseBiasCorrection2Sqrt()).addi(s.epsilon());
            p.subi(m.div(denominator).muli(s.stepSize()));
        }
    }

    private static void requireGradient(String name, NDArray param) {
        if (!param.hasGradient()) {
            throw new Reason4jException("parameter " + name + " has no gradient: call setRequiresGradient(true) on every parameter"
                    + " before the forward pass");
        }
    }

    private static NDArray gradientOf(String name, NDArray param) {
        NDArray g = param.getGradient();
        // Before any backward reached it, DJL hands out fresh FLOAT32 zeros whatever the parameter's type.
        return g.getDataType() == param.getDataType() ? g : g.toType(param.getDataType(), false);
    }

    /** Writes optimizer.safetensors and optimizer.json into {@code dir} (created if needed). */
    public void save(Path dir) {
        state.save(dir, new OptimizerMetadata(state.step(), config, List.copyOf(parameters.keySet()), decayed));
    }

    /**
     * Replaces this optimizer's state with the one saved in {@code dir}. The saved hyper-parameters
     * and decay set are compared with this optimizer's: a difference is logged (the run continues
     * with the current settings and will not match an uninterrupted one).
     *
     * @throws Reason4jException naming the file if it is missing, damaged or saved for other parameters
     */
    public void load(Path dir) {
        OptimizerMetadata saved = OptimizerMetadata.read(dir);
        Set<String> savedNames = new TreeSet<>(saved.parameters());
        if (!savedNames.equals(new TreeSet<>(parameters.keySet()))) {
            Set<String> missing = new TreeSet<>(parameters.keySet());
            missing.removeAll(savedNames);
            Set<String> extra = new TreeSet<>(savedNames);
            extra.removeAll(parameters.keySet());
            throw new Reason4jException(dir.resolve(OptimizerMetadata.FILE) + " was saved for other parameters ("
                    + (missing.isEmpty() ? "" : "missing e.g. " + missing.iterator().next() + "; ")
                    + (extra.isEmpty() ? "" : "unknown e.g. " + extra.iterator().next()) + "): resume with the model it was saved with");
        }
        if (!saved.config().equals(config)) {
            LOG.warn("{} was saved with {} but this run uses {}; continuing with the current settings",
                    dir.resolve(OptimizerMetadata.FILE), saved.config(), config);
        }
        if (!saved.decayed().equals(decayed)) {
            LOG.warn("{} decayed {} parameters but this run's decay policy decays {}; continuing with the current policy",
                    dir.resolve(OptimizerMetadata.FILE), saved.decayed().size(), decayed.size());
        }
        OptimizerState loaded = OptimizerState.load(dir, parameters, saved.step());
        state.close();
        state = loaded;
        LOG.info("Restored AdamW state at step {} from {}", saved.step(), dir);
    }

    /** Frees the moments. The parameters belong to the model and are untouched. */
    @Override
    public void close() {
        state.close();
    }

    /** The step's constants as 0-d arrays of one data type, made once per step rather than once per operation. */
    private record Scalars(NDArray decayFactor, NDArray beta1, NDArray oneMinusBeta1, NDArray beta2, NDArray oneMinusBeta2,
                           NDArray inverseBiasCorrection2Sqrt, NDArray epsilon, NDArray stepSize) {
        static Scalars of(NDManager m, DataType type, AdamWConfig c, double lr, double stepSize, double inverseBc2Sqrt) {
            return new Scalars(scalar(m, type, 1 - lr * c.weightDecay()), scalar(m, type, c.beta1()), scalar(m, type, 1 - c.beta1()),
                    scalar(m, type, c.beta2()), scalar(m, type, 1 - c.beta2()), scalar(m, type, inverseBc2Sqrt),
                    scalar(m, type, c.epsilon()), scalar(m, type, stepSize));
        }

        /** Rounded to the parameters' type once, as PyTorch does with a Python scalar. */
        private static NDArray scalar(NDManager m, DataType type, double value) {
            return type == DataType.FLOAT64 ? m.create(value) : m.create((float) value);
        }
    }
}
