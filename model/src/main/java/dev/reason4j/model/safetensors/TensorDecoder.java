package dev.reason4j.model.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Converts little-endian safetensors elements to float32 or float64. The destination buffers may
 * be heap (wrapping a {@code float[]}) or direct (staging memory handed to the engine); the source
 * is usually a memory-mapped slice of the file.
 */
final class TensorDecoder {
    private TensorDecoder() {
    }

    /**
     * Reads {@code count} elements of {@code dtype} from {@code source} (from its position) and puts
     * them as floats into {@code destination} (from its position), advancing both.
     */
    static void decodeFloats(SafetensorsDType dtype, ByteBuffer source, FloatBuffer destination, int count) {
        ByteBuffer in = source.order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> {
                // Bulk copy: the JDK turns this into a memcpy (with a byte swap only on big-endian hosts).
                FloatBuffer floats = in.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().limit(count);
                destination.put(floats);
                in.position(in.position() + count * Float.BYTES);
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(HalfPrecision.bf16ToFloat(in.getShort()));
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(HalfPrecision.halfToFloat(in.getShort()));
                }
            }
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    destination.put((float) in.getDouble());
                }
            }
            case I64 -> {
                for (int i = 0; i < count; i++) {
                    destination.put((float) in.getLong());
                }
            }
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    destination.put((float) in.getInt());
                }
            }
            case I16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.getShort());
                }
            }
            case I8 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get());
                }
            }
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get() & 0xFF);
                }
            }
            case BOOL -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get() != 0 ? 1f : 0f);
                }
            }
        }
    }

    /** As {@link #decodeFloats} but to float64; every dtype but I64 (past 2^53) converts exactly. */
    static void decodeDoubles(SafetensorsDType dtype, ByteBuffer source, DoubleBuffer destination, int count) {
        ByteBuffer in = source.order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F64 -> {
                DoubleBuffer doubles = in.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().limit(count);
                destination.put(doubles);
                in.position(in.position() + count * Double.BYTES);
            }
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.getFloat());
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(HalfPrecision.bf16ToFloat(in.getShort()));
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(HalfPrecision.halfToFloat(in.getShort()));
                }
            }
            case I64 -> {
                for (int i = 0; i < count; i++) {
                    destination.put((double) in.getLong());
                }
            }
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.getInt());
                }
            }
            case I16 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.getShort());
                }
            }
            case I8 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get());
                }
            }
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get() & 0xFF);
                }
            }
            case BOOL -> {
                for (int i = 0; i < count; i++) {
                    destination.put(in.get() != 0 ? 1d : 0d);
                }
            }
        }
    }
}
