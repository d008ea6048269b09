package dev.reason4j.grpo.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.safetensors.SafetensorsCheckpoint;
import dev.reason4j.model.safetensors.SafetensorsWriter;
import dev.reason4j.model.safetensors.TensorInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * AdamW's state: the step count and, per parameter, the first and second moment averages
 * (PyTorch's {@code exp_avg} and {@code exp_avg_sq}), each with its parameter's shape, data type
 * and device. It owns the native memory of the moments; {@link #close} frees them.
 *
 * <p>On disk: {@code optimizer.safetensors} holds {@code <name>.exp_avg} and {@code <name>.exp_avg_sq}
 * in the parameters' own type (F32 or F64, so a reload is bit-exact) with the step in its metadata;
 * {@code optimizer.json} ({@link OptimizerMetadata}) holds the step and hyper-parameters.
 */
public final class OptimizerState implements AutoCloseable {
    public static final String TENSORS_FILE = "optimizer.safetensors";
    static final String FIRST_MOMENT = ".exp_avg";
    static final String SECOND_MOMENT = ".exp_avg_sq";
    private static final String STEP_KEY = "step";

    private final NDManager manager;
    private final Map<String, NDArray> firstMoments; // name → (parameter's shape)
    private final Map<String, NDArray> secondMoments; // name → (parameter's shape)
    private long step;

    private OptimizerState(NDManager manager, Map<String, NDArray> first, Map<String, NDArray> second, long step) {
        this.manager = manager;
        this.firstMoments = Collections.unmodifiableMap(first);
        this.secondMoments = Collections.unmodifiableMap(second);
        this.step = step;
    }

    /** Zero moments for each parameter, at step 0, in a new manager on the parameters' device. */
    static OptimizerState zerosLike(Map<String, NDArray> parameters) {
        NDManager manager = NDManager.newBaseManager(deviceOf(parameters));
        try {
            Map<String, NDArray> first = new LinkedHashMap<>();
            Map<String, NDArray> second = new LinkedHashMap<>();
            parameters.forEach((name, p) -> {
                first.put(name, manager.zeros(p.getShape(), p.getDataType()));
                second.put(name, manager.zeros(p.getShape(), p.getDataType()));
            });
            return new OptimizerState(manager, first, second, 0);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Optimizer steps taken so far (the t of Adam's bias correction for the last step). */
    public long step() {
        return step;
    }

    void advance() {
        step++;
    }

    /** The manager holding the moments; scratch arrays of a step are made in sub-managers of it. */
    NDManager manager() {
        return manager;
    }

    /** The parameter names, in the optimizer's order. */
    public Set<String> names() {
        return firstMoments.keySet();
    }

    /** exp_avg of a parameter; owned by this state (do not close). */
    public NDArray firstMoment(String name) {
        return lookup(firstMoments, name);
    }

    /** exp_avg_sq of a parameter; owned by this state (do not close). */
    public NDArray secondMoment(String name) {
        return lookup(secondMoments, name);
    }

    private static NDArray lookup(Map<String, NDArray> moments, String name) {
        NDArray m = moments.get(name);
        if (m == null) {
            throw new Reason4jException("the optimizer holds no state for parameter '" + name + "'");
        }
        return m;
    }

    /** Writes optimizer.safetensors (moments) and optimizer.json ({@code metadata}) into {@code dir}. */
    void save(Path dir, OptimizerMetadata metadata) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (String name : names()) {
            tensors.put(name + FIRST_MOMENT, firstMoments.get(name));
            tensors.put(name + SECOND_MOMENT, secondMoments.get(name));
        }
        SafetensorsWriter.write(dir.resolve(TENSORS_FILE), tensors, Map.of(STEP_KEY, Long.toString(step)));
        metadata.write(dir);
    }

    /**
     * Reads the state saved in {@code dir} for exactly these parameters: every parameter must have
     * both moments with its shape, and the file may hold no others. The moments get each parameter's
     * data type and device; the caller closes the result.
     *
     * @throws Reason4jException naming the file when it is missing, damaged, or saved for another model
     */
    static OptimizerState load(Path dir, Map<String, NDArray> parameters, long expectedStep) {
        Path file = dir.resolve(TENSORS_FILE);
        NDManager manager = NDManager.newBaseManager(deviceOf(parameters));
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            String savedStep = checkpoint.metadata().get(STEP_KEY);
            if (!Long.toString(expectedStep).equals(savedStep)) {
                throw new Reason4jException(file + " was saved at step " + savedStep + " but " + OptimizerMetadata.FILE
                        + " says step " + expectedStep + ": the two files come from different saves");
            }
            Set<String> unexpected = new TreeSet<>(checkpoint.names());
            Map<String, NDArray> first = new LinkedHashMap<>();
            Map<String, NDArray> second = new LinkedHashMap<>();
            parameters.forEach((name, p) -> {
                first.put(name, loadMoment(checkpoint, file, name + FIRST_MOMENT, p, manager));
                second.put(name, loadMoment(checkpoint, file, name + SECOND_MOMENT, p, manager));
                unexpected.remove(name + FIRST_MOMENT);
                unexpected.remove(name + SECOND_MOMENT);
            });
            if (!unexpected.isEmpty()) {
                throw new Reason4jException(file + " holds state for " + unexpected.size() + " tensor(s) the model does not have, e.g. "
                        + unexpected.iterator().next() + ": it was saved for a different model");
            }
            return new OptimizerState(manager, first, second, expectedStep);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static NDArray loadMoment(SafetensorsCheckpoint checkpoint, Path file, String tensor, NDArray parameter, NDManager manager) {
        if (!checkpoint.names().contains(tensor)) {
            throw new Reason4jException(file + " has no tensor " + tensor + ": it was saved for a different model");
        }
        TensorInfo info = checkpoint.info(tensor);
        if (!Arrays.equals(info.shape(), parameter.getShape().getShape())) {
            throw new Reason4jException(file + ": " + tensor + " has shape " + new Shape(info.shape()) + " but the parameter has "
                    + parameter.getShape() + ": it was saved for a different model");
        }
        return checkpoint.load(tensor, manager, parameter.getDataType());
    }

    static ai.djl.Device deviceOf(Map<String, NDArray> parameters) {
        if (parameters.isEmpty()) {
            throw new Reason4jException("the optimizer was given no parameters");
        }
        return parameters.values().iterator().next().getDevice();
    }

    static void requireSupportedType(String name, NDArray p) {
        DataType t = p.getDataType();
        if (t != DataType.FLOAT32 && t != DataType.FLOAT64) {
            throw new Reason4jException("parameter " + name + " is " + t + "; AdamW here updates FLOAT32 or FLOAT64 parameters"
                    + " (load the model with DataType.FLOAT32)");
        }
    }

    /** Frees the moment tensors. */
    @Override
    public void close() {
        manager.close();
    }
}
