package dev.reason4j.model;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The decoder families we implement, keyed by the {@code architectures[0]} name of an HF
 * {@code config.json}. They share one forward pass and differ only in which biases and norms exist.
 */
public enum ModelFamily {
    QWEN2("Qwen2ForCausalLM", "qwen2"),
    LLAMA("LlamaForCausalLM", "llama"),
    QWEN3("Qwen3ForCausalLM", "qwen3");

    private final String architecture;
    private final String modelType;

    ModelFamily(String architecture, String modelType) {
        this.architecture = architecture;
        this.modelType = modelType;
    }

    /** The HF class name written in {@code architectures}. */
    public String architecture() {
        return architecture;
    }

    /** The HF {@code model_type}. */
    public String modelType() {
        return modelType;
    }

    public static ModelFamily fromArchitecture(String architecture, String where) {
        for (ModelFamily f : values()) {
            if (f.architecture.equals(architecture)) {
                return f;
            }
        }
        throw new Reason4jException(where + ": architectures[0] is \"" + architecture + "\", which reason4j does not implement; supported: "
                + Arrays.stream(values()).map(ModelFamily::architecture).collect(Collectors.joining(", ")));
    }

    /** Accepts the short names used on the command line: qwen2, llama, qwen3. */
    public static ModelFamily fromShortName(String name) {
        for (ModelFamily f : values()) {
            if (f.modelType.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new Reason4jException("unknown architecture \"" + name + "\": use one of qwen2, llama, qwen3");
    }
}
