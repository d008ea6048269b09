package dev.reason4j.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.safetensors.SafetensorsCheckpoint;
import dev.reason4j.model.safetensors.SafetensorsWriter;
import dev.reason4j.model.safetensors.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads and saves decoders in HF layout: config.json, safetensors (sharded or not), tokenizer and generation files. */
public final class ModelIo {
    /** Shards above this size are split, as HF's save_pretrained does by default (5 GB). */
    public static final long DEFAULT_MAX_SHARD_BYTES = 5_000_000_000L;
    /** Files that travel with a model directory unchanged. */
    public static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "chat_template.jinja", "added_tokens.json", "vocab.json", "merges.txt", "tokenizer.model");
    private static final Logger LOG = LoggerFactory.getLogger(ModelIo.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelIo() {
    }

    /**
     * Loads {@code dir} onto {@code device} with parameters of {@code dtype} (FLOAT32, or FLOAT64 for
     * numerics tests); BF16/F16 files are converted. The caller closes the model.
     */
    public static DecoderModel load(Path dir, Device device, DataType dtype) {
        ModelConfig config = ModelConfig.load(dir);
        NDManager manager = NDManager.newBaseManager(device);
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            checkTensorNames(config, checkpoint.names(), dir);
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (String name : ParameterNames.all(config)) {
                TensorInfo info = checkpoint.info(name);
                long[] expected = ParameterNames.shape(config, name);
                if (!Arrays.equals(info.shape(), expected)) {
                    throw new Reason4jException(dir + ": tensor " + name + " has shape " + Arrays.toString(info.shape())
                            + " but config.json implies " + Arrays.toString(expected) + "; config.json does not describe these weights");
                }
                params.put(name, checkpoint.load(name, manager, dtype));
            }
            return new DecoderModel(config, manager, params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void checkTensorNames(ModelConfig config, Set<String> present, Path dir) {
        Set<String> expected = new TreeSet<>(ParameterNames.all(config));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            String hint = missing.contains(ParameterNames.LM_HEAD)
                    ? " (lm_head.weight is absent: if the head is tied to the embedding, config.json needs \"tie_word_embeddings\": true)" : "";
            throw new Reason4jException(dir + ": weights missing for " + missing.size() + " tensor(s), e.g. "
                    + missing.iterator().next() + hint);
        }
        Set<String> unexpected = new TreeSet<>(present);
        unexpected.removeAll(expected);
        unexpected.removeIf(n -> n.endsWith("rotary_emb.inv_freq")); // buffers older transformers saved; recomputed from rope_theta
        if (config.tieWordEmbeddings() && unexpected.remove(ParameterNames.LM_HEAD)) {
            LOG.info("{}: ignoring lm_head.weight because tie_word_embeddings is true (HF does the same)", dir);
        }
        if (!unexpected.isEmpty()) {
            throw new Reason4jException(dir + ": " + unexpected.size() + " tensor(s) that config.json does not account for, e.g. "
                    + unexpected.iterator().next() + "; check architectures, attention_bias, mlp_bias and tie_word_embeddings");
        }
    }

    /**
     * Writes {@code model} to {@code dir} in HF layout. Tokenizer files and generation_config.json are
     * copied from {@code sourceDir} when given (the directory the model came from); a missing
     * generation_config.json is written from the config's token ids. Each file is replaced atomically.
     */
    public static void save(DecoderModel model, Path dir, Path sourceDir) {
        save(model, dir, sourceDir, DEFAULT_MAX_SHARD_BYTES);
    }

    public static void save(DecoderModel model, Path dir, Path sourceDir, long maxShardBytes) {
        try {
            Files.createDirectories(dir);
            String dtype = model.dataType() == DataType.FLOAT64 ? "float64" : "float32";
            writeJsonAtomically(dir.resolve("config.json"), model.config().toJson(dtype));
            SafetensorsWriter.writeModel(dir, model.parameters(), Map.of("format", "pt"), maxShardBytes);
            boolean copiedGeneration = false;
            if (sourceDir != null && !sourceDir.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                for (String file : TOKENIZER_FILES) {
                    copyIfPresent(sourceDir.resolve(file), dir.resolve(file));
                }
                copiedGeneration = copyIfPresent(sourceDir.resolve("generation_config.json"), dir.resolve("generation_config.json"));
            }
            if (!copiedGeneration && !Files.exists(dir.resolve("generation_config.json"))) {
                writeJsonAtomically(dir.resolve("generation_config.json"), generationConfig(model.config()));
            }
        } catch (IOException e) {
            throw new Reason4jException("could not save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode generationConfig(ModelConfig config) {
        ObjectNode n = JSON.createObjectNode();
        if (config.bosTokenId() >= 0) {
            n.put("bos_token_id", config.bosTokenId());
        }
        if (config.eosTokenIds().size() == 1) {
            n.put("eos_token_id", config.eosTokenIds().get(0));
        } else if (!config.eosTokenIds().isEmpty()) {
            config.eosTokenIds().forEach(n.putArray("eos_token_id")::add);
        }
        n.put("transformers_version", config.raw().path("transformers_version").asText("4.51.0"));
        return n;
    }

    private static boolean copyIfPresent(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return false;
        }
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Writes pretty JSON to a temp file and renames it over {@code file}. */
    public static void writeJsonAtomically(Path file, Object json) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), json);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
