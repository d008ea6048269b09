package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a checkpoint can be broken gets a message that names the file and says what is wrong. */
class SafetensorsValidationTest {
    @TempDir
    Path dir;

    private static void assertMessageContains(Reason4jException error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "expected '" + part + "' in: " + error.getMessage());
        }
    }

    private static Reason4jException openFails(Path path) {
        return assertThrows(Reason4jException.class, () -> SafetensorsCheckpoint.open(path).close());
    }

    private static final String GOOD_TENSOR = "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}";

    @Test
    void missingPathSaysItDoesNotExist() {
        Path missing = dir.resolve("no-such-model");
        assertMessageContains(openFails(missing), missing.toString(), "does not exist");
    }

    @Test
    void fileShorterThanTheLengthFieldIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("tiny.safetensors"), new byte[] {1, 2, 3});
        assertMessageContains(openFails(file), file.toString(), "3 bytes", "shorter than the 8-byte header length");
    }

    @Test
    void headerLengthBeyondTheFileIsReportedAsTruncated() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Path file = Files.write(dir.resolve("cut.safetensors"), bytes.array());
        assertMessageContains(openFails(file), file.toString(), "1000", "truncated");
    }

    @Test
    void absurdHeaderLengthIsRejectedWithoutReadingIt() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L); // u64 max
        Path file = Files.write(dir.resolve("junk.safetensors"), bytes.array());
        assertMessageContains(openFails(file), file.toString(), "18446744073709551615", "100 MB", "not a safetensors file");

        ByteBuffer large = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(200_000_000L);
        Path big = Files.write(dir.resolve("big-header.safetensors"), large.array());
        assertMessageContains(openFails(big), "200000000", "100 MB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"w\": {", "not json at all", "{\"a\":1}}"})
    void headerThatIsNotValidJsonIsRejected(String header) throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "bad.safetensors", header, 0);
        assertMessageContains(openFails(file), file.toString(), "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "   "})
    void headerThatIsNotAnObjectIsRejected(String header) throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "array.safetensors", header, 0);
        assertMessageContains(openFails(file), file.toString(), "not a JSON object");
    }

    @Test
    void duplicateTensorNameInOneHeaderIsRejected() throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "dup.safetensors", "{" + GOOD_TENSOR + "," + GOOD_TENSOR + "}", 16);
        assertMessageContains(openFails(file), file.toString(), "names the same key twice", "'w'");
    }

    @Test
    void unknownDtypeNamesTheDtypeTensorAndFile() throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "fp8.safetensors",
                "{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[4],\"data_offsets\":[0,4]}}", 4);
        assertMessageContains(openFails(file), "\"F8_E4M3\"", "tensor 'q'", file.toString(), "BF16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[16,0]", "[0]", "[0,16,32]", "[\"0\",16]", "[-4,12]", "[0.5,16]", "{}"})
    void dataOffsetsMustBeTwoAscendingNumbers(String offsets) throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "offsets.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":" + offsets + "}}", 32);
        Reason4jException error = openFails(file);
        assertMessageContains(error, "data_offsets", "tensor 'w'", file.toString());
        assertTrue(error.getMessage().contains("two ascending numbers") || error.getMessage().contains("non-negative integers"),
                error.getMessage());
    }

    @Test
    void shapeMustBeAnArrayOfNonNegativeIntegers() throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "shape.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-2],\"data_offsets\":[0,16]}}", 16);
        assertMessageContains(openFails(file), "shape", "tensor 'w'", "non-negative integers");
    }

    @Test
    void byteLengthMustMatchShapeTimesDtypeSize() throws IOException {
        Path file = SafetensorsTestFiles.withHeader(dir, "size.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 16);
        assertMessageContains(openFails(file), "tensor 'w'", file.toString(), "span 12 bytes", "needs 16 bytes");
    }

    @Test
    void dataPastTheEndOfTheFileIsReportedAsTruncated() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(RawTensor.f32("a", new long[] {2}, new float[] {1, 2}),
                RawTensor.f32("b", new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 3); // an interrupted download
        }
        assertMessageContains(openFails(dir), "tensor 'b'", file.toString(), "truncated");
    }

    private void writeTwoShards() {
        SafetensorsWriter.writeRaw(dir.resolve("model-00001-of-00002.safetensors"),
                List.of(RawTensor.f32("a", new long[] {1}, new float[] {1})), Map.of());
        SafetensorsWriter.writeRaw(dir.resolve("model-00002-of-00002.safetensors"),
                List.of(RawTensor.f32("b", new long[] {1}, new float[] {2})), Map.of());
    }

    private Path writeIndex(String weightMap) throws IOException {
        return Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"metadata\":{\"total_size\":8},\"weight_map\":" + weightMap + "}");
    }

    @Test
    void indexNamingAMissingShardSaysWhichShard() throws IOException {
        writeTwoShards();
        Path index = writeIndex("{\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00003-of-00003.safetensors\"}");
        assertMessageContains(openFails(dir), index.toString(), "model-00003-of-00003.safetensors", "does not exist", "incomplete");
    }

    @Test
    void tensorListedInTheIndexButAbsentFromItsShardIsRejected() throws IOException {
        writeTwoShards();
        writeIndex("{\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00001-of-00002.safetensors\"}");
        assertMessageContains(openFails(dir), "tensor 'b'", "model-00001-of-00002.safetensors", "has no such tensor");
    }

    @Test
    void tensorStoredInTwoShardsIsRejected() throws IOException {
        SafetensorsWriter.writeRaw(dir.resolve("model-00001-of-00002.safetensors"),
                List.of(RawTensor.f32("a", new long[] {1}, new float[] {1}), RawTensor.f32("b", new long[] {1}, new float[] {9})),
                Map.of());
        SafetensorsWriter.writeRaw(dir.resolve("model-00002-of-00002.safetensors"),
                List.of(RawTensor.f32("b", new long[] {1}, new float[] {2})), Map.of());
        writeIndex("{\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00002-of-00002.safetensors\"}");
        assertMessageContains(openFails(dir), "Tensor 'b'", "two shards", "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors");
    }

    @Test
    void tensorListedTwiceInTheWeightMapIsRejected() throws IOException {
        writeTwoShards();
        writeIndex("{\"b\":\"model-00002-of-00002.safetensors\",\"a\":\"model-00001-of-00002.safetensors\","
                + "\"b\":\"model-00001-of-00002.safetensors\"}");
        assertMessageContains(openFails(dir), "model.safetensors.index.json", "names the same key twice", "'b'");
    }

    @Test
    void directoryWithoutWeightsOrWithUnindexedFilesIsExplained() throws IOException {
        assertMessageContains(openFails(dir), "No safetensors weights in", dir.toString());
        writeTwoShards();
        assertMessageContains(openFails(dir), "2 .safetensors files", "no model.safetensors.index.json");
    }

    @Test
    void unknownTensorNameNamesTheCheckpointAndSimilarNames() {
        Path file = dir.resolve("names.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(RawTensor.f32("model.layers.0.mlp.up_proj.weight", new long[] {1}, new float[] {1})),
                Map.of());
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            Reason4jException error = assertThrows(Reason4jException.class, () -> checkpoint.info("layers.0.mlp.up_proj.weight"));
            assertMessageContains(error, "'layers.0.mlp.up_proj.weight'", file.toString(), "model.layers.0.mlp.up_proj.weight");
        }
    }

    @Test
    void loadRejectsTargetsOtherThanFloat32AndFloat64AndReadsAfterClose() {
        Path file = dir.resolve("t.safetensors");
        SafetensorsWriter.writeRaw(file, List.of(RawTensor.f32("x", new long[] {1}, new float[] {1})), Map.of());
        SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(file);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertMessageContains(assertThrows(Reason4jException.class, () -> checkpoint.load("x", manager, DataType.INT32)),
                    "FLOAT32 or FLOAT64", "int32");
        }
        checkpoint.close();
        assertMessageContains(assertThrows(Reason4jException.class, () -> checkpoint.readFloats("x")), "closed", file.toString());
    }

    @Test
    void rawTensorWhoseBytesDoNotMatchItsShapeIsRejected() {
        Reason4jException error = assertThrows(Reason4jException.class,
                () -> new RawTensor("w", SafetensorsDType.BF16, new long[] {3}, new byte[4]));
        assertMessageContains(error, "RawTensor 'w'", "4 bytes", "needs 6");
        assertMessageContains(assertThrows(Reason4jException.class, () -> RawTensor.f32("v", new long[] {2, 2}, new float[3])),
                "3 values", "holds 4");
    }

    @Test
    void writerRejectsTheReservedMetadataNameAndDuplicateNames() {
        Path file = dir.resolve("w.safetensors");
        assertMessageContains(assertThrows(Reason4jException.class, () -> SafetensorsWriter.writeRaw(file,
                List.of(RawTensor.f32("__metadata__", new long[] {1}, new float[] {1})), Map.of())), "reserves");
        assertMessageContains(assertThrows(Reason4jException.class, () -> SafetensorsWriter.writeRaw(file,
                List.of(RawTensor.f32("x", new long[] {1}, new float[] {1}), RawTensor.f32("x", new long[] {1}, new float[] {2})),
                Map.of())), "'x'", "twice");
        assertTrue(dir.toFile().list().length == 0, "nothing written, no temporary file left");
    }
}
