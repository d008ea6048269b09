package dev.reason4j.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What an HF model directory says about its tokenizer, read with Jackson: the vocabulary and added
 * tokens of {@code tokenizer.json}, the special tokens and chat template of
 * {@code tokenizer_config.json} (or {@code chat_template.jinja}), and the token ids of
 * {@code generation_config.json} and {@code config.json}. Missing optional files read as empty.
 */
final class TokenizerFiles {
    static final String TOKENIZER_JSON = "tokenizer.json";
    static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    static final String GENERATION_CONFIG = "generation_config.json";
    static final String MODEL_CONFIG = "config.json";
    static final String CHAT_TEMPLATE_FILE = "chat_template.jinja";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Map<String, Integer> ids = new HashMap<>();
    final Map<Integer, String> tokens = new HashMap<>();
    final JsonNode tokenizerConfig;
    final JsonNode generationConfig;
    final JsonNode modelConfig;
    private final int vocabSize;

    private TokenizerFiles(Path dir) {
        this.dir = dir;
        readVocabulary(read(dir.resolve(TOKENIZER_JSON), true));
        this.vocabSize = tokens.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.tokenizerConfig = read(dir.resolve(TOKENIZER_CONFIG), false);
        this.generationConfig = read(dir.resolve(GENERATION_CONFIG), false);
        this.modelConfig = read(dir.resolve(MODEL_CONFIG), false);
    }

    static TokenizerFiles read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Reason4jException("model directory " + dir + " does not exist: give the folder holding tokenizer.json");
        }
        return new TokenizerFiles(dir);
    }

    private static JsonNode read(Path file, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new Reason4jException(file + " is missing: a model directory needs the Hugging Face tokenizer file "
                        + TOKENIZER_JSON + " (save it with tokenizer.save_pretrained(dir) in Python)");
            }
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new Reason4jException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private void readVocabulary(JsonNode tokenizerJson) {
        JsonNode vocab = tokenizerJson.path("model").path("vocab");
        if (vocab.isObject()) { // BPE, WordPiece, WordLevel: {token: id}
            vocab.properties().forEach(e -> put(e.getKey(), e.getValue().asInt()));
        } else if (vocab.isArray()) { // Unigram: [[piece, score], ...], id = position
            for (int i = 0; i < vocab.size(); i++) {
                put(vocab.get(i).get(0).asText(), i);
            }
        }
        for (JsonNode added : tokenizerJson.path("added_tokens")) {
            put(added.path("content").asText(), added.path("id").asInt());
        }
        if (ids.isEmpty()) {
            throw new Reason4jException(dir.resolve(TOKENIZER_JSON) + " has no vocabulary (model.vocab) and no added_tokens");
        }
    }

    private void put(String token, int id) {
        ids.put(token, id);
        tokens.put(id, token);
    }

    int vocabSize() {
        return vocabSize;
    }

    OptionalInt id(String token) {
        Integer id = token == null ? null : ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** A special token of tokenizer_config.json: a string, or an AddedToken object {@code {"content": ...}}. */
    Optional<String> specialToken(String key) {
        JsonNode node = tokenizerConfig.path(key);
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isObject() && node.path("content").isTextual()) {
            return Optional.of(node.path("content").asText());
        }
        return Optional.empty();
    }

    /** bos_token, eos_token, pad_token, unk_token (those set) and additional_special_tokens, for templates. */
    Map<String, Object> templateSpecialTokens() {
        Map<String, Object> special = new LinkedHashMap<>();
        for (String key : List.of("bos_token", "eos_token", "unk_token", "pad_token")) {
            specialToken(key).ifPresent(token -> special.put(key, token));
        }
        JsonNode additional = tokenizerConfig.path("additional_special_tokens");
        if (additional.isArray() && !additional.isEmpty()) {
            List<String> list = new ArrayList<>();
            additional.forEach(t -> list.add(t.isObject() ? t.path("content").asText() : t.asText()));
            special.put("additional_special_tokens", list);
        }
        return special;
    }

    /**
     * The end-of-sequence ids: generation_config.json's eos_token_id (an int or a list) if it has one,
     * else config.json's, else the id of tokenizer_config.json's eos_token.
     */
    List<Integer> eosTokenIds() {
        for (JsonNode config : List.of(generationConfig, modelConfig)) {
            JsonNode eos = config.path("eos_token_id");
            if (eos.isInt() || (eos.isArray() && !eos.isEmpty())) {
                Set<Integer> unique = new LinkedHashSet<>();
                if (eos.isInt()) {
                    unique.add(eos.asInt());
                } else {
                    eos.forEach(id -> unique.add(id.asInt()));
                }
                return List.copyOf(unique);
            }
        }
        OptionalInt id = specialToken("eos_token").map(this::id).orElse(OptionalInt.empty());
        return id.isPresent() ? List.of(id.getAsInt()) : List.of();
    }

    /**
     * A special token's id: tokenizer_config.json decides when it has the key (null there means none,
     * as for Qwen's bos_token); otherwise generation_config.json's, then config.json's {@code <name>_id}.
     */
    OptionalInt specialTokenId(String key) {
        if (tokenizerConfig.has(key)) {
            return specialToken(key).map(this::id).orElse(OptionalInt.empty());
        }
        for (JsonNode config : List.of(generationConfig, modelConfig)) {
            JsonNode id = config.path(key + "_id");
            if (id.isInt()) {
                return OptionalInt.of(id.asInt());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The chat template: chat_template.jinja beside the config wins (as in transformers), else
     * tokenizer_config.json's chat_template, a string or a list of {name, template} (the "default" one).
     */
    Optional<String> chatTemplateSource() {
        Path file = dir.resolve(CHAT_TEMPLATE_FILE);
        if (Files.exists(file)) {
            try {
                return Optional.of(Files.readString(file));
            } catch (IOException e) {
                throw new Reason4jException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        JsonNode template = tokenizerConfig.path("chat_template");
        if (template.isTextual()) {
            return Optional.of(template.asText());
        }
        if (template.isArray()) {
            for (JsonNode named : template) {
                if ("default".equals(named.path("name").asText())) {
                    return Optional.of(named.path("template").asText());
                }
            }
            throw new Reason4jException(dir.resolve(TOKENIZER_CONFIG) + ": chat_template is a list of named templates "
                    + "but none is named \"default\"; name the one to use \"default\"");
        }
        return Optional.empty();
    }
}
