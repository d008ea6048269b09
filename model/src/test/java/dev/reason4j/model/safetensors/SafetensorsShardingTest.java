package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SafetensorsShardingTest {
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

    @Test
    void planShardsFillsGreedilyAndGivesOversizedTensorsTheirOwnShard() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("a", 40L);
        sizes.put("b", 40L);
        sizes.put("big", 100L);
        sizes.put("c", 10L);
        sizes.put("d", 70L);
        assertEquals(List.of(List.of("a", "b"), List.of("big"), List.of("c", "d")), SafetensorsWriter.planShards(sizes, 80));
        assertEquals(List.of(List.of("a", "b", "big", "c", "d")), SafetensorsWriter.planShards(sizes, 260));
        assertEquals(List.of(List.of()), SafetensorsWriter.planShards(Map.of(), 80));
    }

    /** Five (4, 5) float32 tensors of 80 bytes each, named so sorted order differs from insertion order. */
    private Map<String, NDArray> fiveTensors(float offset) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        String[] names = {"model.embed.weight", "model.layers.0.w", "model.layers.1.w", "lm_head.weight", "model.norm.weight"};
        for (int i = 0; i < names.length; i++) {
            tensors.put(names[i], manager.arange(20f).add(offset + 100 * i).reshape(4, 5));
        }
        return tensors;
    }

    private Set<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private void assertLoadsBack(Map<String, NDArray> expected) {
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertEquals(new TreeSet<>(expected.keySet()), checkpoint.names());
            assertEquals(Map.of("format", "pt"), checkpoint.metadata());
            for (Map.Entry<String, NDArray> entry : expected.entrySet()) {
                NDArray loaded = checkpoint.load(entry.getKey(), manager, DataType.FLOAT32);
                assertEquals(new Shape(4, 5), loaded.getShape());
                assertArrayEquals(entry.getValue().toFloatArray(), loaded.toFloatArray(), entry.getKey());
            }
        }
    }

    @Test
    void smallShardLimitWritesIndexAndShardsThatLoadBackIdentically() throws IOException {
        Map<String, NDArray> tensors = fiveTensors(0);
        SafetensorsWriter.writeModel(dir, tensors, Map.of("format", "pt"), 160); // two 80-byte tensors per shard

        assertEquals(Set.of("model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                "model-00003-of-00003.safetensors", "model.safetensors.index.json"), filesIn(dir));
        JsonNode index = SafetensorsHeader.JSON.readTree(dir.resolve("model.safetensors.index.json").toFile());
        assertEquals(400, index.get("metadata").get("total_size").asLong());
        assertEquals("model-00001-of-00003.safetensors", index.get("weight_map").get("model.layers.0.w").asText());
        assertEquals("model-00002-of-00003.safetensors", index.get("weight_map").get("lm_head.weight").asText());
        assertEquals("model-00003-of-00003.safetensors", index.get("weight_map").get("model.norm.weight").asText());
        assertEquals(5, index.get("weight_map").size());
        try (SafetensorsCheckpoint shard = SafetensorsCheckpoint.open(dir.resolve("model-00002-of-00003.safetensors"))) {
            assertEquals(Set.of("model.layers.1.w", "lm_head.weight"), shard.names());
        }
        assertLoadsBack(tensors);
    }

    @Test
    void laterSavesRemoveShardsAndIndexOfAnEarlierSave() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}"); // not ours: must survive every save
        SafetensorsWriter.writeModel(dir, fiveTensors(0), Map.of("format", "pt"), 160); // 3 shards

        Map<String, NDArray> second = fiveTensors(1000);
        SafetensorsWriter.writeModel(dir, second, Map.of("format", "pt"), 240); // 2 shards
        assertEquals(Set.of("config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                "model.safetensors.index.json"), filesIn(dir));
        assertLoadsBack(second);

        Map<String, NDArray> third = fiveTensors(2000);
        SafetensorsWriter.writeModel(dir, third, Map.of("format", "pt"), 10_000); // fits in one file
        assertEquals(Set.of("config.json", "model.safetensors"), filesIn(dir));
        assertLoadsBack(third);

        Map<String, NDArray> fourth = fiveTensors(3000);
        SafetensorsWriter.writeModel(dir, fourth, Map.of("format", "pt"), 400); // exactly at the limit: still one file
        assertEquals(Set.of("config.json", "model.safetensors"), filesIn(dir));
        SafetensorsWriter.writeModel(dir, fourth, Map.of("format", "pt"), 399);
        assertEquals(Set.of("config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                "model.safetensors.index.json"), filesIn(dir));
        assertLoadsBack(fourth);
    }

    @Test
    void indexFileCanBeOpenedDirectlyAndMetadataMergesOverShards() throws IOException {
        SafetensorsWriter.writeRaw(dir.resolve("a.safetensors"),
                List.of(RawTensor.f32("x", new long[] {1}, new float[] {1f})), Map.of("format", "pt", "from", "a"));
        SafetensorsWriter.writeRaw(dir.resolve("b.safetensors"),
                List.of(RawTensor.bf16("y", new long[] {2}, new float[] {2f, -3f})), Map.of("from", "b", "extra", "1"));
        Files.writeString(dir.resolve("custom.index.json"),
                "{\"metadata\":{\"total_size\":8},\"weight_map\":{\"y\":\"b.safetensors\",\"x\":\"a.safetensors\"}}");

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir.resolve("custom.index.json"))) {
            assertEquals(Set.of("x", "y"), checkpoint.names());
            assertArrayEquals(new float[] {2f, -3f}, checkpoint.readFloats("y"));
            assertArrayEquals(new float[] {1f}, checkpoint.readFloats("x"));
            // Shards merge in the order the index first names them: b, then a.
            assertEquals(Map.of("format", "pt", "from", "a", "extra", "1"), checkpoint.metadata());
        }
    }

    @Test
    void directoryWithOneArbitrarilyNamedFileOpensThatFile() {
        SafetensorsWriter.writeRaw(dir.resolve("adapter.safetensors"),
                List.of(RawTensor.f32("lora", new long[] {2}, new float[] {0.5f, 0.25f})), Map.of());
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            assertArrayEquals(new float[] {0.5f, 0.25f}, checkpoint.readFloats("lora"));
        }
    }
}
