package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsRoundTripTest {
    private static NDManager root;
    private NDManager manager;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() {
        root = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stopEngine() {
        root.close();
    }

    @BeforeEach
    void newScope() {
        manager = root.newSubManager();
    }

    @AfterEach
    void closeScope() {
        manager.close();
    }

    /** Random values plus the awkward ones: signed zero, infinities, a NaN with payload, subnormals. */
    private static float[] awkwardFloats(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian() * 10;
        }
        values[0] = -0.0f;
        values[1] = Float.POSITIVE_INFINITY;
        values[2] = Float.NEGATIVE_INFINITY;
        values[3] = Float.intBitsToFloat(0x7FC0_1234);
        values[4] = Float.MIN_VALUE;
        values[5] = -Float.MAX_VALUE;
        return values;
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "element " + i);
        }
    }

    @Test
    void float32RoundTripsBitExactThroughWriteAndLoad() {
        float[] values = awkwardFloats(60, 1);
        NDArray array = manager.create(values, new Shape(3, 4, 5));
        Path file = dir.resolve("f32.safetensors");
        SafetensorsWriter.write(file, Map.of("w", array), Map.of("format", "pt"));

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            TensorInfo info = checkpoint.info("w");
            assertEquals(SafetensorsDType.F32, info.dtype());
            assertArrayEquals(new long[] {3, 4, 5}, info.shape());
            assertEquals(240, info.byteLength());
            assertEquals(Map.of("format", "pt"), checkpoint.metadata());
            assertSameBits(values, checkpoint.readFloats("w"));
            NDArray loaded = checkpoint.load("w", manager, DataType.FLOAT32);
            assertEquals(new Shape(3, 4, 5), loaded.getShape());
            assertEquals(DataType.FLOAT32, loaded.getDataType());
            assertSameBits(values, loaded.toFloatArray());
        }
    }

    @Test
    void float64RoundTripsBitExactThroughWriteAndLoad() {
        Random random = new Random(2);
        double[] values = new double[21];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 1e-3;
        }
        values[0] = Double.MIN_VALUE;
        values[1] = -0.0;
        NDArray array = manager.create(values, new Shape(7, 3));
        Path file = dir.resolve("f64.safetensors");
        SafetensorsWriter.write(file, Map.of("d", array), Map.of());

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(SafetensorsDType.F64, checkpoint.info("d").dtype());
            assertArrayEquals(values, checkpoint.readDoubles("d"));
            NDArray loaded = checkpoint.load("d", manager, DataType.FLOAT64);
            assertEquals(new Shape(7, 3), loaded.getShape());
            assertArrayEquals(values, loaded.toDoubleArray());
            // Narrowing to float32 happens in Java, element by element.
            float[] narrowed = checkpoint.readFloats("d");
            for (int i = 0; i < values.length; i++) {
                assertEquals((float) values[i], narrowed[i]);
            }
        }
    }

    @Test
    void bf16FileFromWriteRawReadsBackToTheExactFloats() {
        // 1.0, -2.0, 3.140625, +inf, -inf, 2^-133 (a float32 subnormal)
        byte[] data = SafetensorsTestFiles.shortsLittleEndian(0x3F80, 0xC000, 0x4049, 0x7F80, 0xFF80, 0x0001);
        Path file = dir.resolve("bf16.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(new RawTensor("b", SafetensorsDType.BF16, new long[] {2, 3}, data)), Map.of());
        float[] expected = {1.0f, -2.0f, 3.140625f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0x1p-133f};

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertArrayEquals(expected, checkpoint.readFloats("b"));
            NDArray loaded = checkpoint.load("b", manager, DataType.FLOAT32);
            assertEquals(new Shape(2, 3), loaded.getShape());
            assertArrayEquals(expected, loaded.toFloatArray());
        }
    }

    @Test
    void f16FileFromWriteRawReadsBackToTheExactFloatsIncludingSubnormalsAndInfinity() {
        byte[] data = SafetensorsTestFiles.shortsLittleEndian(
                0x3C00, 0xC000, 0x3555, 0x7BFF, 0x0001, 0x8001, 0x03FF, 0x7C00, 0xFC00, 0x7E00);
        float[] expected = {1.0f, -2.0f, 0.333251953125f, 65504f, 0x1p-24f, -0x1p-24f, 1023 * 0x1p-24f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        Path file = dir.resolve("f16.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(new RawTensor("h", SafetensorsDType.F16, new long[] {10}, data)), Map.of());

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertArrayEquals(expected, checkpoint.readFloats("h"));
            double[] asDoubles = checkpoint.load("h", manager, DataType.FLOAT64).toDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], asDoubles[i], 0.0, "element " + i);
            }
        }
    }

    @Test
    void rawTensorHelpersEncodeWithRoundToNearestEven() {
        float[] values = {1.0f, Float.intBitsToFloat(0x3F80_8000), Float.intBitsToFloat(0x3F81_8000)};
        assertArrayEquals(SafetensorsTestFiles.shortsLittleEndian(0x3F80, 0x3F80, 0x3F82),
                RawTensor.bf16("b", new long[] {3}, values).data());
        assertArrayEquals(SafetensorsTestFiles.shortsLittleEndian(0x3C00, 0x3C00, 0x3C02, 0x0001),
                RawTensor.f16("h", new long[] {2, 2}, new float[] {1.0f, 1.00048828125f, 1.00146484375f, 0x1p-24f}).data());
        byte[] f32 = RawTensor.f32("f", new long[] {1}, new float[] {1.0f}).data();
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, f32);
    }

    @Test
    void float16NdArraysAreSavedAsF16AndMatchTorchRounding() {
        float[] values = awkwardFloats(12, 3);
        values[3] = 1.00146484375f; // a rounding tie: torch and our encoder must both pick the even neighbour
        values[6] = 1e-6f; // a float16 subnormal
        values[7] = 70000f; // overflows to infinity
        NDArray half = manager.create(values, new Shape(4, 3)).toType(DataType.FLOAT16, false);
        Path file = dir.resolve("half.safetensors");
        SafetensorsWriter.write(file, Map.of("half", half), Map.of());

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(SafetensorsDType.F16, checkpoint.info("half").dtype());
            float[] read = checkpoint.readFloats("half");
            for (int i = 0; i < values.length; i++) {
                if (Float.isNaN(values[i])) {
                    assertTrue(Float.isNaN(read[i]), "element " + i);
                } else {
                    assertEquals(HalfPrecision.halfToFloat(HalfPrecision.floatToHalf(values[i])), read[i], "element " + i);
                }
            }
            assertEquals(Float.POSITIVE_INFINITY, read[7]);
            assertEquals(17 * 0x1p-24f, read[6]); // 1e-6 / 2^-24 = 16.78, rounds to 17 units
        }
    }

    @Test
    void integerArraysKeepTheirDtypeAndValues() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("ids", manager.create(new long[] {-3, 0, 1L << 40}));
        tensors.put("mask", manager.create(new int[] {7, -8}));
        tensors.put("bytes", manager.create(new byte[] {-5, 9}));
        tensors.put("ubytes", manager.create(new float[] {200, 3}).toType(DataType.UINT8, false));
        tensors.put("flags", manager.create(new boolean[] {true, false, true}));
        Path file = dir.resolve("ints.safetensors");
        SafetensorsWriter.write(file, tensors, null);

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(SafetensorsDType.I64, checkpoint.info("ids").dtype());
            assertEquals(SafetensorsDType.I32, checkpoint.info("mask").dtype());
            assertArrayEquals(new double[] {-3, 0, 1L << 40}, checkpoint.readDoubles("ids"));
            assertArrayEquals(new float[] {7, -8}, checkpoint.readFloats("mask"));
            assertEquals(SafetensorsDType.I8, checkpoint.info("bytes").dtype());
            assertArrayEquals(new float[] {-5, 9}, checkpoint.readFloats("bytes"));
            assertEquals(SafetensorsDType.U8, checkpoint.info("ubytes").dtype());
            assertArrayEquals(new float[] {200, 3}, checkpoint.readFloats("ubytes"));
            assertEquals(SafetensorsDType.BOOL, checkpoint.info("flags").dtype());
            assertArrayEquals(new float[] {1, 0, 1}, checkpoint.readFloats("flags"));
            assertEquals(Map.of(), checkpoint.metadata());
        }
    }

    @Test
    void loadInManySmallChunksConcatenatesExactly() {
        float[] values = awkwardFloats(35, 4);
        Path file = dir.resolve("chunks.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(RawTensor.f32("f32", new long[] {7, 5}, values),
                RawTensor.bf16("bf16", new long[] {7, 5}, values)), Map.of());
        float[] bf16Expected = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            bf16Expected[i] = HalfPrecision.bf16ToFloat(HalfPrecision.floatToBf16(values[i]));
        }

        // 12 bytes = 3 float32 per chunk: 12 chunks that do not line up with the 5-element rows.
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file, 12)) {
            assertSameBits(values, checkpoint.load("f32", manager, DataType.FLOAT32).toFloatArray());
            assertSameBits(values, checkpoint.readFloats("f32"));
            assertSameBits(bf16Expected, checkpoint.load("bf16", manager, DataType.FLOAT32).toFloatArray());
        }
        // 8 bytes = one float64 per chunk.
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file, 8)) {
            double[] loaded = checkpoint.load("f32", manager, DataType.FLOAT64).toDoubleArray();
            assertEquals(35, loaded.length);
            for (int i = 6; i < values.length; i++) {
                assertEquals(values[i], loaded[i], 0.0);
            }
            assertEquals(new Shape(7, 5), checkpoint.load("f32", manager, DataType.FLOAT64).getShape());
        }
    }

    @Test
    void writeInManySmallChunksIncludingANonContiguousArrayIsExact() {
        float[] values = awkwardFloats(35, 5);
        NDArray array = manager.create(values, new Shape(7, 5));
        NDArray transposed = array.transpose(); // (5, 7), a strided view
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("a", array);
        tensors.put("t", transposed);
        Path file = dir.resolve("written-in-chunks.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of(), 8); // two floats per chunk

        float[] expectedTransposed = new float[35];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 5; c++) {
                expectedTransposed[c * 7 + r] = values[r * 5 + c];
            }
        }
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertSameBits(values, checkpoint.readFloats("a"));
            assertArrayEquals(new long[] {5, 7}, checkpoint.info("t").shape());
            assertSameBits(expectedTransposed, checkpoint.readFloats("t"));
        }
    }

    @Test
    void loadedArraysOutliveTheCheckpoint() {
        Path file = dir.resolve("outlive.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(RawTensor.f32("x", new long[] {2}, new float[] {4f, 5f})), Map.of());
        NDArray loaded;
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            loaded = checkpoint.load("x", manager, DataType.FLOAT32);
        }
        assertArrayEquals(new float[] {4f, 5f}, loaded.toFloatArray());
        assertArrayEquals(new float[] {8f, 10f}, loaded.mul(2).toFloatArray());
    }

    @Test
    void scalarsAndEmptyTensorsRoundTrip() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("scalar", manager.create(2.5f));
        tensors.put("empty", manager.create(new Shape(0, 3), DataType.FLOAT32));
        Path file = dir.resolve("edge.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertArrayEquals(new long[0], checkpoint.info("scalar").shape());
            NDArray scalar = checkpoint.load("scalar", manager, DataType.FLOAT32);
            assertTrue(scalar.getShape().isScalar());
            assertEquals(2.5f, scalar.getFloat());
            assertEquals(0, checkpoint.info("empty").byteLength());
            assertEquals(new Shape(0, 3), checkpoint.load("empty", manager, DataType.FLOAT32).getShape());
            assertEquals(0, checkpoint.readFloats("empty").length);
        }
    }

    @Test
    void namesAreSortedAndInfoGivesAbsoluteOffsets() {
        Path file = dir.resolve("order.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(
                RawTensor.f32("z", new long[] {1}, new float[] {1f}),
                RawTensor.f32("a", new long[] {2}, new float[] {2f, 3f})), Map.of());

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertEquals(List.of("a", "z"), List.copyOf(checkpoint.names()));
            long headerEnd = 8 + ByteBuffer.wrap(readBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            // Data is written in list order: z first, then a.
            assertEquals(headerEnd, checkpoint.info("z").dataStart());
            assertEquals(headerEnd + 4, checkpoint.info("a").dataStart());
            assertArrayEquals(new float[] {2f, 3f}, checkpoint.readFloats("a"));
        }
    }

    /** Test vectors from the reference implementation's own serialisation tests (safetensors/src/tensor.rs). */
    @Test
    void writeRawProducesTheReferenceImplementationsBytes() {
        Path aligned = dir.resolve("attn0.safetensors");
        SafetensorsWriter.writeRaw(aligned,
                List.of(RawTensor.f32("attn0", new long[] {1, 1, 2, 3}, new float[] {0, 1, 2, 3, 4, 5})), Map.of());
        int[] expected = {
                72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48, 34, 58, 123, 34, 100, 116,
                121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58,
                91, 49, 44, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102,
                115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32,
                32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0,
                160, 64};
        assertArrayEquals(toBytes(expected), readBytes(aligned));

        Path empty = dir.resolve("empty.safetensors");
        SafetensorsWriter.writeRaw(empty, List.of(), Map.of("framework", "pt"));
        int[] expectedEmpty = {
                40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97, 116, 97, 95,
                95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112,
                116, 34, 125, 125, 32, 32, 32, 32, 32};
        assertArrayEquals(toBytes(expectedEmpty), readBytes(empty));

        SafetensorsWriter.writeRaw(empty, List.of(), Map.of());
        assertArrayEquals(toBytes(new int[] {8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32}), readBytes(empty));
    }

    @Test
    void ndArrayFilesFollowTheReferenceReadersRules() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("odd.name.é", manager.create(new float[] {1, 2, 3}));
        tensors.put("h", manager.create(new float[] {1, 2, 3}).toType(DataType.FLOAT16, false));
        tensors.put("d", manager.create(new double[] {1}));
        Path file = dir.resolve("rules.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));

        byte[] bytes = readBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "header padded to a multiple of 8");
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"},"), header);
        assertTrue(header.contains("\"odd.name.é\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}"), header);
        assertTrue(header.contains("\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[12,18]}"), header);
        assertTrue(header.contains("\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[18,26]}"), header);
        assertTrue(header.stripTrailing().endsWith("}"));
        assertEquals(8 + headerLength + 26, bytes.length, "the last tensor ends exactly at the end of the file");
        assertFalse(Files.exists(dir.resolve(".rules.safetensors.tmp")));
        assertEquals(1, dir.toFile().list().length, "no temporary file left behind");
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
