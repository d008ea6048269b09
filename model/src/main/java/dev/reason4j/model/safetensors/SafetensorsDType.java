package dev.reason4j.model.safetensors;

import dev.reason4j.core.Reason4jException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types reason4j reads and writes, named exactly as they appear in a safetensors
 * header's {@code dtype} field. FP8 and unsigned 16/32/64-bit types exist in the format but no
 * checkpoint we load uses them, so they are rejected with a message rather than half-supported.
 */
public enum SafetensorsDType {
    F64(8, true),
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U8(1, false),
    BOOL(1, false);

    private final int byteSize;
    private final boolean floatingPoint;

    SafetensorsDType(int byteSize, boolean floatingPoint) {
        this.byteSize = byteSize;
        this.floatingPoint = floatingPoint;
    }

    /** Bytes per element in the file. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether this is one of F64, F32, F16, BF16. */
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /**
     * The dtype a header names.
     *
     * @param name  the header's {@code dtype} string, e.g. {@code "BF16"}
     * @param where what is being read, for the error message (e.g. "tensor 'lm_head.weight' in
     *              /models/x/model.safetensors")
     * @throws Reason4jException if the name is not one reason4j supports
     */
    public static SafetensorsDType parse(String name, String where) {
        if (name != null) {
            for (SafetensorsDType dtype : values()) {
                if (dtype.name().equals(name)) {
                    return dtype;
                }
            }
        }
        String supported = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        throw new Reason4jException("Unknown or unsupported safetensors dtype " + (name == null ? "(missing)" : "\"" + name + "\"")
                + " for " + where + ". reason4j reads " + supported
                + "; convert the checkpoint to one of these (e.g. bf16 or f32) before loading it.");
    }
}
