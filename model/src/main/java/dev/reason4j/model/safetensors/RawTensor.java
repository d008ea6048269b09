package dev.reason4j.model.safetensors;

import dev.reason4j.core.Reason4jException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor as bytes exactly as they go into a safetensors file, for {@link
 * SafetensorsWriter#writeRaw}: fixtures in any dtype and tools that need no engine.
 *
 * @param name  the tensor's name in the file
 * @param dtype the element type
 * @param shape the dimensions, row-major; empty for a scalar (copied)
 * @param data  {@code elementCount * dtype.byteSize()} little-endian bytes (copied)
 */
public record RawTensor(String name, SafetensorsDType dtype, long[] shape, byte[] data) {
    public RawTensor {
        Objects.requireNonNull(name, "RawTensor.name must be set");
        Objects.requireNonNull(dtype, "RawTensor.dtype must be set for tensor " + name);
        Objects.requireNonNull(shape, "RawTensor.shape must be set for tensor " + name + " (use an empty array for a scalar)");
        Objects.requireNonNull(data, "RawTensor.data must be set for tensor " + name);
        shape = shape.clone();
        data = data.clone();
        long expected = TensorInfo.byteLengthOf(dtype, shape, "RawTensor '" + name + "'");
        if (data.length != expected) {
            throw new Reason4jException("RawTensor '" + name + "' has " + data.length + " bytes of data but shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + expected);
        }
    }

    /** float32 values, stored exactly. */
    public static RawTensor f32(String name, long[] shape, float[] values) {
        ByteBuffer bytes = littleEndian(name, shape, values, Float.BYTES);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return new RawTensor(name, SafetensorsDType.F32, shape, bytes.array());
    }

    /** bfloat16, each value rounded to nearest, ties to even (as {@code tensor.to(torch.bfloat16)}). */
    public static RawTensor bf16(String name, long[] shape, float[] values) {
        ByteBuffer bytes = littleEndian(name, shape, values, Short.BYTES);
        for (float value : values) {
            bytes.putShort(HalfPrecision.floatToBf16(value));
        }
        return new RawTensor(name, SafetensorsDType.BF16, shape, bytes.array());
    }

    /** IEEE float16, each value rounded to nearest, ties to even; beyond ±65504 becomes ±inf. */
    public static RawTensor f16(String name, long[] shape, float[] values) {
        ByteBuffer bytes = littleEndian(name, shape, values, Short.BYTES);
        for (float value : values) {
            bytes.putShort(HalfPrecision.floatToHalf(value));
        }
        return new RawTensor(name, SafetensorsDType.F16, shape, bytes.array());
    }

    private static ByteBuffer littleEndian(String name, long[] shape, float[] values, int bytesPerValue) {
        Objects.requireNonNull(shape, "shape must be set for tensor " + name);
        Objects.requireNonNull(values, "values must be set for tensor " + name);
        long count = TensorInfo.elementCountOf(shape, "RawTensor '" + name + "'");
        if (count != values.length) {
            throw new Reason4jException("RawTensor '" + name + "' has " + values.length + " values but shape "
                    + Arrays.toString(shape) + " holds " + count);
        }
        return ByteBuffer.allocate(values.length * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The shape (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The bytes (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The bytes without copying, for the writer. */
    byte[] dataView() {
        return data;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawTensor that && name.equals(that.name) && dtype == that.dtype
                && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "RawTensor[" + name + " " + dtype + " " + Arrays.toString(shape) + ", " + data.length + " bytes]";
    }
}
