package dev.reason4j.model.safetensors;

import dev.reason4j.core.Reason4jException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where one tensor lives on disk, as its file's header describes it.
 *
 * @param name       the tensor's name in the checkpoint, e.g. {@code model.layers.0.mlp.up_proj.weight}
 * @param dtype      the element type in the file
 * @param shape      the dimensions, row-major; empty for a scalar (a copy is kept and handed out)
 * @param file       the .safetensors file holding the data
 * @param dataStart  absolute offset of the first byte in {@code file} (header included)
 * @param byteLength number of data bytes, always {@code elementCount() * dtype.byteSize()}
 */
public record TensorInfo(String name, SafetensorsDType dtype, long[] shape, Path file, long dataStart, long byteLength) {
    public TensorInfo {
        Objects.requireNonNull(name, "TensorInfo.name must be set");
        Objects.requireNonNull(dtype, "TensorInfo.dtype must be set for tensor " + name);
        Objects.requireNonNull(shape, "TensorInfo.shape must be set for tensor " + name + " (use an empty array for a scalar)");
        Objects.requireNonNull(file, "TensorInfo.file must be set for tensor " + name);
        shape = shape.clone();
        if (dataStart < 0) {
            throw new Reason4jException("TensorInfo.dataStart is " + dataStart + " for tensor '" + name + "' in " + file + ": it must be >= 0");
        }
        long expected = byteLengthOf(dtype, shape, "tensor '" + name + "' in " + file);
        if (byteLength != expected) {
            throw new Reason4jException("Tensor '" + name + "' in " + file + " has " + byteLength + " data bytes but its shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + expected + ": the header is inconsistent");
        }
    }

    /** The shape (a copy: changing it does not change this record). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Product of the dimensions (1 for a scalar, 0 if any dimension is 0). */
    public long elementCount() {
        return elementCountOf(shape, "tensor '" + name + "' in " + file);
    }

    /** Product of {@code shape}; rejects negative dimensions and products past {@code Long.MAX_VALUE}. */
    static long elementCountOf(long[] shape, String where) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new Reason4jException("Shape " + Arrays.toString(shape) + " of " + where + " has a negative dimension");
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new Reason4jException("Shape " + Arrays.toString(shape) + " of " + where + " has more elements than a long can count: the header is corrupt", e);
            }
        }
        return count;
    }

    /** Bytes {@code shape} of {@code dtype} occupies, with the same checks as {@link #elementCountOf}. */
    static long byteLengthOf(SafetensorsDType dtype, long[] shape, String where) {
        try {
            return Math.multiplyExact(elementCountOf(shape, where), (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new Reason4jException("Shape " + Arrays.toString(shape) + " of " + where + " needs more bytes than a long can count: the header is corrupt", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that
                && name.equals(that.name) && dtype == that.dtype && Arrays.equals(shape, that.shape)
                && file.equals(that.file) && dataStart == that.dataStart && byteLength == that.byteLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), file, dataStart, byteLength);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + " " + dtype + " " + Arrays.toString(shape) + " in " + file + " @" + dataStart + "+" + byteLength + "]";
    }
}
