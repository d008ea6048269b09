package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offsets and sizes past 2^31 bytes, on a sparse file: a 2.4 GB float32 "pad" tensor whose bytes
 * are holes (zeros, no disk) except a few marker values, followed by a small "tail" tensor.
 */
class SafetensorsLargeFileTest {
    private static final long PAD_ELEMENTS = 600_000_000L; // 2.4 GB of float32
    /** Element indices whose byte offsets sit around 2^31 and at both ends of the pad tensor. */
    private static final long[] MARKER_INDICES = {0, (1L << 29) - 1, 1L << 29, PAD_ELEMENTS - 1};
    private static final float[] MARKER_VALUES = {1.5f, -2.25f, 3.0f, 7.75f};
    private static final float[] TAIL = {0.5f, -1f, 2f, Float.MIN_VALUE, -0.0f, 1e30f};

    private static NDManager root;
    private NDManager manager;

    @TempDir
    Path dir;
    private Path file;

    @BeforeAll
    static void startEngine() {
        root = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stopEngine() {
        root.close();
    }

    @BeforeEach
    void writeSparseFile() throws IOException {
        manager = root.newSubManager();
        file = dir.resolve("huge.safetensors");
        byte[] header = SafetensorsHeader.encode(List.of(
                new SafetensorsHeader.Entry("pad", SafetensorsDType.F32, new long[] {PAD_ELEMENTS}),
                new SafetensorsHeader.Entry("tail", SafetensorsDType.F32, new long[] {2, 3})), Map.of(), file);
        long padStart = header.length;
        long tailStart = padStart + PAD_ELEMENTS * Float.BYTES;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header);
            raf.setLength(tailStart + TAIL.length * Float.BYTES); // a hole: costs no disk
            for (int i = 0; i < MARKER_INDICES.length; i++) {
                raf.seek(padStart + MARKER_INDICES[i] * Float.BYTES);
                raf.write(littleEndian(MARKER_VALUES[i]));
            }
            raf.seek(tailStart);
            raf.write(littleEndian(TAIL));
        }
    }

    @AfterEach
    void deleteFile() throws IOException {
        manager.close();
        Files.deleteIfExists(file); // @TempDir would too; do not leave 2.4 GB of apparent size around
    }

    private static byte[] littleEndian(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    @Test
    void tensorStoredPastTwoGibibytesReadsBack() throws IOException {
        assertTrue(Files.size(file) > (1L << 31) + 100_000_000L, "file is over 2 GiB");
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            TensorInfo tail = checkpoint.info("tail");
            assertTrue(tail.dataStart() > 1L << 31, "tail starts past 2^31: " + tail.dataStart());
            assertEquals(Files.size(file), tail.dataStart() + tail.byteLength());
            assertEquals(PAD_ELEMENTS * 4, checkpoint.info("pad").byteLength());

            assertArrayEquals(TAIL, checkpoint.readFloats("tail"));
            NDArray loaded = checkpoint.load("tail", manager, DataType.FLOAT32);
            assertEquals(new Shape(2, 3), loaded.getShape());
            assertArrayEquals(TAIL, loaded.toFloatArray());
            double[] wide = checkpoint.load("tail", manager, DataType.FLOAT64).toDoubleArray();
            for (int i = 0; i < TAIL.length; i++) {
                assertEquals(TAIL[i], wide[i], 0.0);
            }
        }
    }

    @Test
    void tensorLargerThanTwoGibibytesLoadsInChunks() {
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            NDArray pad = checkpoint.load("pad", manager, DataType.FLOAT32); // 2.4 GB of native memory
            assertEquals(new Shape(PAD_ELEMENTS), pad.getShape());
            for (int i = 0; i < MARKER_INDICES.length; i++) {
                assertEquals(MARKER_VALUES[i], pad.get(new NDIndex().addIndices(MARKER_INDICES[i])).getFloat(),
                        "element " + MARKER_INDICES[i]);
            }
            float markerSum = 0;
            for (float value : MARKER_VALUES) {
                markerSum += value;
            }
            assertEquals(markerSum, pad.sum().getFloat(), 0.0, "every other element is zero");
            pad.close();
        }
    }
}
