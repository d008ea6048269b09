package dev.reason4j.model.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small, real Hugging Face tokenizer for synthetic tasks: byte-level BPE over the 256
 * GPT-2 byte symbols (ids 0-255 are the bytes 0-255), so any text encodes and decodes exactly; a
 * handful of merges of common digit-free pairs, so every digit stays its own token and arithmetic
 * stays learnable; ChatML special tokens ({@code <|endoftext|>} also pads, {@code <|im_end|>} ends a
 * turn and generation); and {@code <think>}, {@code </think>}, {@code <answer>}, {@code </answer>} as
 * non-special added tokens of one id each. The files load in Python {@code transformers} /
 * {@code tokenizers} and in {@link Tokenizer}.
 */
public final class SyntheticTokenizer {
    /** Pairs merged on top of the bytes, in priority order (byte-level symbols: Ġ is a space, Ċ a newline). */
    static final List<String> MERGES = List.of("Ġ +", "Ġ -", "Ġ *", "Ġ =", "Ċ Ċ", "t h", "Ġ th", "e r", "i n", "a n",
            "Ġ a", "o n");
    static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
    static final List<String> TAG_TOKENS = List.of("<think>", "</think>", "<answer>", "</answer>");
    static final String PAD_TOKEN = "<|endoftext|>";
    static final String EOS_TOKEN = "<|im_end|>";

    /** ChatML, as Qwen's templates write it, without a default system prompt. */
    static final String CHAT_TEMPLATE = """
            {%- for message in messages %}
                {{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}
            {%- endfor %}
            {%- if add_generation_prompt %}
                {{- '<|im_start|>assistant\\n' }}
            {%- endif %}
            """;

    private SyntheticTokenizer() {
    }

    /** Number of ids: 256 bytes, the merges, the special and tag tokens. */
    public static int vocabSize() {
        return 256 + MERGES.size() + SPECIAL_TOKENS.size() + TAG_TOKENS.size();
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code dir} (created if
     * needed), replacing any there.
     */
    public static void write(Path dir) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            Files.createDirectories(dir);
            json.writeValue(dir.resolve(TokenizerFiles.TOKENIZER_JSON).toFile(), tokenizerJson());
            json.writeValue(dir.resolve(TokenizerFiles.TOKENIZER_CONFIG).toFile(), tokenizerConfig());
        } catch (IOException e) {
            throw new Reason4jException("cannot write the synthetic tokenizer into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> tokenizerJson() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        String[] byteSymbols = byteSymbols();
        for (int b = 0; b < 256; b++) {
            vocab.put(byteSymbols[b], b);
        }
        for (String merge : MERGES) {
            vocab.put(merge.replace(" ", ""), vocab.size());
        }
        List<Map<String, Object>> added = new ArrayList<>();
        int id = vocab.size();
        for (String token : SPECIAL_TOKENS) {
            added.add(addedToken(id++, token, true, true));
        }
        for (String token : TAG_TOKENS) {
            added.add(addedToken(id++, token, false, true));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", null);
        model.put("continuing_subword_prefix", null);
        model.put("end_of_word_suffix", null);
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("vocab", vocab);
        model.put("merges", MERGES);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "1.0");
        root.put("truncation", null);
        root.put("padding", null);
        root.put("added_tokens", added);
        root.put("normalizer", null);
        root.put("pre_tokenizer", byteLevel(false, false));
        root.put("post_processor", null);
        root.put("decoder", byteLevel(true, true));
        root.put("model", model);
        return root;
    }

    private static Map<String, Object> byteLevel(boolean addPrefixSpace, boolean useRegex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "ByteLevel");
        m.put("add_prefix_space", addPrefixSpace);
        m.put("trim_offsets", true);
        m.put("use_regex", useRegex);
        return m;
    }

    private static Map<String, Object> addedToken(int id, String content, boolean special, boolean withId) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withId) {
            m.put("id", id);
        }
        m.put("content", content);
        m.put("single_word", false);
        m.put("lstrip", false);
        m.put("rstrip", false);
        m.put("normalized", false);
        m.put("special", special);
        return m;
    }

    private static Map<String, Object> tokenizerConfig() {
        Map<String, Object> decoder = new LinkedHashMap<>();
        int id = 256 + MERGES.size();
        for (String token : SPECIAL_TOKENS) {
            decoder.put(Integer.toString(id++), addedToken(0, token, true, false));
        }
        for (String token : TAG_TOKENS) {
            decoder.put(Integer.toString(id++), addedToken(0, token, false, false));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("add_prefix_space", false);
        config.put("added_tokens_decoder", decoder);
        config.put("bos_token", null);
        config.put("chat_template", CHAT_TEMPLATE);
        config.put("clean_up_tokenization_spaces", false);
        config.put("eos_token", EOS_TOKEN);
        config.put("errors", "replace");
        config.put("model_max_length", 32768);
        config.put("pad_token", PAD_TOKEN);
        config.put("split_special_tokens", false);
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.put("unk_token", null);
        return config;
    }

    /**
     * GPT-2's {@code bytes_to_unicode}: printable bytes stand for themselves, the others (space,
     * newline, control bytes, ...) for the code points from U+0100 on, in byte order.
     */
    static String[] byteSymbols() {
        String[] symbols = new String[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            symbols[b] = Character.toString(printable ? b : next++);
        }
        return symbols;
    }
}
