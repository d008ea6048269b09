package dev.reason4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shape and options of a decoder, read from (and written as) an HF {@code config.json}.
 *
 * @param family               Qwen2, Llama or Qwen3
 * @param vocabSize            rows of the embedding and of the output head
 * @param hiddenSize           width of the residual stream
 * @param intermediateSize     width of the SwiGLU MLP
 * @param numLayers            decoder layers
 * @param numHeads             query heads
 * @param numKvHeads           key/value heads (grouped-query attention when fewer than numHeads)
 * @param headDim              per-head width; Qwen3 and newer Llama configs may set it ≠ hidden/heads
 * @param rmsNormEps           RMSNorm epsilon
 * @param ropeTheta            RoPE base
 * @param ropeScaling          rope_scaling, or {@link RopeScaling#NONE}
 * @param maxPositionEmbeddings longest supported sequence
 * @param tieWordEmbeddings    the output head is the embedding matrix (one tensor, saved once)
 * @param qkvBias              bias on q/k/v projections (Qwen2 always; Llama/Qwen3 with attention_bias)
 * @param outputBias           bias on o_proj (Llama/Qwen3 attention_bias)
 * @param mlpBias              bias on the MLP projections (Llama mlp_bias)
 * @param qkNorm               per-head RMSNorm of q and k before RoPE (Qwen3)
 * @param bosTokenId           or -1
 * @param eosTokenIds          possibly empty
 * @param raw                  the JSON this came from, written back on save so fields we do not use survive
 */
public record ModelConfig(ModelFamily family, int vocabSize, int hiddenSize, int intermediateSize, int numLayers,
                          int numHeads, int numKvHeads, int headDim, double rmsNormEps, double ropeTheta,
                          RopeScaling ropeScaling, int maxPositionEmbeddings, boolean tieWordEmbeddings,
                          boolean qkvBias, boolean outputBias, boolean mlpBias, boolean qkNorm,
                          int bosTokenId, List<Integer> eosTokenIds, ObjectNode raw) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numLayers);
        positive("num_attention_heads", numHeads);
        positive("num_key_value_heads", numKvHeads);
        positive("head_dim", headDim);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (numHeads % numKvHeads != 0) {
            throw new Reason4jException("config.json: num_attention_heads (" + numHeads + ") must be a multiple of num_key_value_heads (" + numKvHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new Reason4jException("config.json: head_dim must be even for rotary embeddings, got " + headDim);
        }
        if (!(rmsNormEps > 0) || !(ropeTheta > 0)) {
            throw new Reason4jException("config.json: rms_norm_eps and rope_theta must be > 0");
        }
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new Reason4jException("config.json: " + field + " must be a positive integer, got " + value);
        }
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return numHeads / numKvHeads;
    }

    /** Reads {@code dir/config.json}. */
    public static ModelConfig load(Path dir) {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new Reason4jException("no config.json in " + dir + ": a model directory in HF layout needs one");
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new Reason4jException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new Reason4jException(file + " must hold a JSON object");
        }
        return fromJson(object, file.toString());
    }

    /** Parses an HF config; {@code where} names the source in error messages. */
    public static ModelConfig fromJson(ObjectNode json, String where) {
        JsonNode archs = json.get("architectures");
        if (archs == null || !archs.isArray() || archs.isEmpty()) {
            throw new Reason4jException(where + ": \"architectures\" is missing; expected e.g. [\"Qwen2ForCausalLM\"]");
        }
        ModelFamily family = ModelFamily.fromArchitecture(archs.get(0).asText(), where);
        String act = text(json, "hidden_act", "silu");
        if (!act.equals("silu")) {
            throw new Reason4jException(where + ": hidden_act \"" + act + "\" is not supported (only silu)");
        }
        if (json.path("use_sliding_window").asBoolean(false)) {
            throw new Reason4jException(where + ": use_sliding_window=true is not supported; reason4j attends over the full context");
        }
        if (json.hasNonNull("partial_rotary_factor") && json.get("partial_rotary_factor").asDouble() != 1.0) {
            throw new Reason4jException(where + ": partial_rotary_factor " + json.get("partial_rotary_factor")
                    + " is not supported (only full rotary embeddings)");
        }
        int hidden = integer(json, "hidden_size", where);
        int heads = integer(json, "num_attention_heads", where);
        // Missing fields take transformers' class defaults, which differ per family.
        int kvHeads = json.hasNonNull("num_key_value_heads") ? integer(json, "num_key_value_heads", where)
                : family == ModelFamily.LLAMA ? heads : 32;
        int headDim = json.hasNonNull("head_dim") ? integer(json, "head_dim", where)
                : family == ModelFamily.QWEN3 ? 128 : hidden / heads;
        // transformers v5 moves rope_theta and the scaling into "rope_parameters".
        JsonNode ropeParameters = json.get("rope_parameters");
        JsonNode ropeNode = ropeParameters != null && !ropeParameters.isNull() ? ropeParameters : json.get("rope_scaling");
        double ropeTheta = json.hasNonNull("rope_theta") ? json.get("rope_theta").asDouble()
                : ropeParameters != null ? ropeParameters.path("rope_theta").asDouble(10000.0) : 10000.0;
        boolean attentionBias = json.path("attention_bias").asBoolean(false);
        boolean qkvBias = family == ModelFamily.QWEN2 || attentionBias;
        boolean outputBias = family != ModelFamily.QWEN2 && attentionBias;
        boolean mlpBias = family == ModelFamily.LLAMA && json.path("mlp_bias").asBoolean(false);
        return new ModelConfig(family, integer(json, "vocab_size", where), hidden, integer(json, "intermediate_size", where),
                integer(json, "num_hidden_layers", where), heads, kvHeads, headDim,
                json.path("rms_norm_eps").asDouble(1e-6), ropeTheta,
                ropeScaling(ropeNode, where), json.path("max_position_embeddings").asInt(32768),
                json.path("tie_word_embeddings").asBoolean(false), qkvBias, outputBias, mlpBias, family == ModelFamily.QWEN3,
                json.path("bos_token_id").asInt(-1), ids(json.get("eos_token_id")), json.deepCopy());
    }

    private static RopeScaling ropeScaling(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return RopeScaling.NONE;
        }
        String type = node.has("rope_type") ? node.get("rope_type").asText() : node.path("type").asText("");
        if (type.isEmpty()) {
            throw new Reason4jException(where + ": rope_scaling has no \"rope_type\" (or \"type\")");
        }
        try {
            return switch (type) {
                case "default" -> RopeScaling.NONE;
                case "linear" -> new RopeScaling("linear", node.path("factor").asDouble(1.0), 0, 0, 0);
                case "llama3" -> new RopeScaling("llama3", node.path("factor").asDouble(8.0),
                        node.path("low_freq_factor").asDouble(1.0), node.path("high_freq_factor").asDouble(4.0),
                        node.path("original_max_position_embeddings").asInt(8192));
                default -> new RopeScaling(type, 1.0, 0, 0, 0);
            };
        } catch (Reason4jException e) {
            throw new Reason4jException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<Integer> ids(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
            node.forEach(n -> out.add(n.asInt()));
            return out;
        }
        return List.of(node.asInt());
    }

    private static int integer(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            throw new Reason4jException(where + ": required field \"" + field + "\" is missing");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new Reason4jException(where + ": \"" + field + "\" must be an integer, got " + n);
        }
        return n.asInt();
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    /** A config for a fresh model of this family, with HF's field names, as init-model writes it. */
    public static ModelConfig create(ModelFamily family, int vocabSize, int hiddenSize, int intermediateSize, int numLayers,
                                     int numHeads, int numKvHeads, int headDim, double ropeTheta, boolean tieWordEmbeddings,
                                     int maxPositionEmbeddings, int bosTokenId, List<Integer> eosTokenIds) {
        ObjectNode n = JSON.createObjectNode();
        n.putArray("architectures").add(family.architecture());
        n.put("model_type", family.modelType());
        n.put("vocab_size", vocabSize);
        n.put("hidden_size", hiddenSize);
        n.put("intermediate_size", intermediateSize);
        n.put("num_hidden_layers", numLayers);
        n.put("num_attention_heads", numHeads);
        n.put("num_key_value_heads", numKvHeads);
        if (family == ModelFamily.QWEN3 || headDim != hiddenSize / numHeads) {
            n.put("head_dim", headDim);
        }
        n.put("hidden_act", "silu");
        n.put("max_position_embeddings", maxPositionEmbeddings);
        n.put("initializer_range", 0.02);
        n.put("rms_norm_eps", 1e-6);
        n.put("rope_theta", ropeTheta);
        n.putNull("rope_scaling");
        n.put("tie_word_embeddings", tieWordEmbeddings);
        n.put("attention_dropout", 0.0);
        if (family != ModelFamily.QWEN2) {
            n.put("attention_bias", false);
        }
        if (family == ModelFamily.LLAMA) {
            n.put("mlp_bias", false);
        }
        if (family == ModelFamily.QWEN2) {
            n.put("use_sliding_window", false);
        }
        if (bosTokenId >= 0) {
            n.put("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            n.put("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            ArrayNode a = n.putArray("eos_token_id");
            eosTokenIds.forEach(a::add);
        }
        n.put("torch_dtype", "float32");
        n.put("use_cache", true);
        n.put("transformers_version", "4.51.0");
        return fromJson(n, "generated config");
    }

    /** The JSON to save: the original fields, with the dtype we actually write. */
    public ObjectNode toJson(String torchDtype) {
        ObjectNode out = raw.deepCopy();
        out.put("torch_dtype", torchDtype);
        return out;
    }

    /** Number of parameters, counting a tied head once. */
    public long parameterCount() {
        long h = hiddenSize;
        long attn = h * (numHeads * (long) headDim) * 2 + h * (numKvHeads * (long) headDim) * 2;
        if (qkvBias) {
            attn += numHeads * (long) headDim + 2L * numKvHeads * headDim;
        }
        if (outputBias) {
            attn += h;
        }
        if (qkNorm) {
            attn += 2L * headDim;
        }
        long mlp = 3 * h * intermediateSize + (mlpBias ? 2L * intermediateSize + h : 0);
        long perLayer = attn + mlp + 2 * h;
        long embed = vocabSize * h;
        return embed + (tieWordEmbeddings ? 0 : embed) + numLayers * perLayer + h;
    }
}
