package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.safetensors.SafetensorsCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIoTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "tied={0}")
    @ValueSource(booleans = {true, false})
    void saveThenLoadAfterAnOptimizerStepIsBitIdentical(boolean tied) {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN2, tied);
        long[] ids = DecoderModelTest.randomIds(12, config.vocabSize(), 1);
        try (DecoderModel model = TinyModels.model(config, 3, DataType.FLOAT32);
             NDManager m = model.manager().newSubManager()) {
            NDArray embeddingBefore = model.parameters().get(ParameterNames.EMBED).duplicate();
            sgdStep(model, m, ids, 0.5f);
            assertFalse(embeddingBefore.contentEquals(model.parameters().get(ParameterNames.EMBED)), "the step moved the embedding");
            float[] logitsBefore = model.logits(m.create(ids, new Shape(1, ids.length)), null).toFloatArray();

            ModelIo.save(model, tmp.resolve("saved"), null);
            try (SafetensorsCheckpoint written = SafetensorsCheckpoint.open(tmp.resolve("saved"))) {
                assertEquals(!tied, written.names().contains(ParameterNames.LM_HEAD), "lm_head written only when untied");
            }
            try (DecoderModel loaded = ModelIo.load(tmp.resolve("saved"), Device.cpu(), DataType.FLOAT32);
                 NDManager m2 = loaded.manager().newSubManager()) {
                for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                    assertArrayEquals(e.getValue().toFloatArray(), loaded.parameters().get(e.getKey()).toFloatArray(), 0f, e.getKey());
                }
                float[] logitsAfter = loaded.logits(m2.create(ids, new Shape(1, ids.length)), null).toFloatArray();
                assertArrayEquals(logitsBefore, logitsAfter, 0f, "logits of the reloaded model are bit-identical");
                assertEquals(tied, loaded.config().tieWordEmbeddings());
            }
        }
    }

    /** One plain SGD step on the log-likelihood: the head of a tied model trains through the embedding. */
    private static void sgdStep(DecoderModel model, NDManager m, long[] ids, float lr) {
        model.parameters().values().forEach(p -> p.setRequiresGradient(true));
        long[] positions = new long[ids.length - 1];
        java.util.Arrays.setAll(positions, i -> i + 1);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = model.tokenLogProbs(m.create(ids, new Shape(1, ids.length)), null,
                    m.create(positions, new Shape(1, positions.length)), 1.0).sum().neg();
            gc.backward(loss);
        }
        for (NDArray p : model.parameters().values()) {
            p.subi(p.getGradient().mul(lr));
        }
    }

    @Test
    void shardedSaveLoadsBackIdentically() {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN3, false);
        try (DecoderModel model = TinyModels.model(config, 4, DataType.FLOAT32)) {
            ModelIo.save(model, tmp.resolve("sharded"), null, 20_000);
            assertTrue(Files.exists(tmp.resolve("sharded/model.safetensors.index.json")));
            assertTrue(Files.exists(tmp.resolve("sharded/generation_config.json")));
            try (DecoderModel loaded = ModelIo.load(tmp.resolve("sharded"), Device.cpu(), DataType.FLOAT32)) {
                for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                    assertTrue(e.getValue().contentEquals(loaded.parameters().get(e.getKey())), e.getKey());
                }
            }
        }
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        ModelConfig untied = TinyModels.config(ModelFamily.LLAMA, false);
        try (DecoderModel model = TinyModels.model(TinyModels.config(ModelFamily.LLAMA, true), 4, DataType.FLOAT32)) {
            ModelIo.save(model, tmp.resolve("m"), null);
        }
        // claim the head is untied although the file has no lm_head.weight
        new ObjectMapper().writeValue(tmp.resolve("m/config.json").toFile(), untied.toJson("float32"));
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelIo.load(tmp.resolve("m"), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("lm_head.weight") && e.getMessage().contains("tie_word_embeddings"), e.getMessage());
    }

    @Test
    void shapeMismatchBetweenConfigAndWeightsIsNamed() throws Exception {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN2, true);
        try (DecoderModel model = TinyModels.model(config, 4, DataType.FLOAT32)) {
            ModelIo.save(model, tmp.resolve("m"), null);
        }
        ObjectNode json = config.toJson("float32");
        json.put("intermediate_size", 64);
        new ObjectMapper().writeValue(tmp.resolve("m/config.json").toFile(), json);
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelIo.load(tmp.resolve("m"), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("mlp.gate_proj.weight") && e.getMessage().contains("[48, 32]"), e.getMessage());
    }

    @Test
    void unexpectedTensorsAreRefusedNotIgnored() throws Exception {
        try (DecoderModel model = TinyModels.model(TinyModels.llamaWithBiases(true), 4, DataType.FLOAT32)) {
            ModelIo.save(model, tmp.resolve("m"), null);
        }
        // config.json without attention_bias: the saved biases would be silently dropped
        new ObjectMapper().writeValue(tmp.resolve("m/config.json").toFile(), TinyModels.config(ModelFamily.LLAMA, true).toJson("float32"));
        Reason4jException e = assertThrows(Reason4jException.class, () -> ModelIo.load(tmp.resolve("m"), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("bias") && e.getMessage().contains("attention_bias"), e.getMessage());
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN2, true);
        long[] ids = DecoderModelTest.randomIds(10, config.vocabSize(), 2);
        try (DecoderModel model = TinyModels.model(config, 3, DataType.FLOAT32);
             DecoderModel copy = model.copy();
             NDManager m = model.manager().newSubManager()) {
            float[] before = copy.logits(m.create(ids, new Shape(1, ids.length)), null).toFloatArray();
            assertArrayEquals(model.logits(m.create(ids, new Shape(1, ids.length)), null).toFloatArray(), before, 0f);
            sgdStep(model, m, ids, 0.5f);
            assertArrayEquals(before, copy.logits(m.create(ids, new Shape(1, ids.length)), null).toFloatArray(), 0f,
                    "training the original leaves the copy frozen");
        }
    }
}
