package dev.reason4j.model.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokenizer of a Hugging Face model directory: ids as HF {@code tokenizers} computes them (through
 * DJL's binding, with truncation and padding switched off, so long texts are never cut), the special
 * token ids, and the chat template.
 *
 * <p>Holds a native tokenizer: close it (try-with-resources) when done. Encoding and decoding are
 * safe to call from several threads.
 */
public final class Tokenizer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Tokenizer.class);

    private final TokenizerFiles files;
    private final HuggingFaceTokenizer hf;
    private final List<Integer> eosTokenIds;
    private final Optional<ChatTemplate> chatTemplate;

    private Tokenizer(TokenizerFiles files, HuggingFaceTokenizer hf) {
        this.files = files;
        this.hf = hf;
        this.eosTokenIds = files.eosTokenIds();
        this.chatTemplate = files.chatTemplateSource().map(source -> ChatTemplate.compile(source, files.templateSpecialTokens()));
    }

    /**
     * Loads {@code tokenizer.json} and, when present, {@code tokenizer_config.json},
     * {@code generation_config.json}, {@code config.json} and {@code chat_template.jinja} from {@code dir}.
     *
     * @throws Reason4jException if the directory or tokenizer.json is missing or unreadable
     */
    public static Tokenizer load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        TokenizerFiles files = TokenizerFiles.read(dir);
        // DJL truncates to 512 tokens unless told otherwise; an RL trainer must see every token.
        Map<String, String> options = Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false");
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(dir.resolve(TokenizerFiles.TOKENIZER_JSON), options);
        } catch (IOException | RuntimeException e) {
            throw new Reason4jException("cannot load " + dir.resolve(TokenizerFiles.TOKENIZER_JSON)
                    + " with Hugging Face tokenizers: " + e.getMessage(), e);
        }
        try {
            Tokenizer tokenizer = new Tokenizer(files, hf);
            log.debug("loaded tokenizer from {}: vocabulary {}, eos {}", dir, tokenizer.vocabSize(), tokenizer.eosTokenIds);
            return tokenizer;
        } catch (RuntimeException e) {
            hf.close();
            throw e;
        }
    }

    /** The ids of {@code text}; with {@code addSpecialTokens}, the tokenizer's post-processor adds its BOS/EOS. */
    public int[] encode(String text, boolean addSpecialTokens) {
        Objects.requireNonNull(text, "text");
        long[] ids = hf.encode(text, addSpecialTokens, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** The text of {@code ids}; with {@code skipSpecialTokens}, special tokens are left out. */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        Objects.requireNonNull(ids, "ids");
        long[] longs = new long[ids.length];
        int vocabSize = vocabSize();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new Reason4jException("token id " + ids[i] + " at position " + i + " is outside the vocabulary [0, "
                        + vocabSize + ") of " + files.dir);
            }
            longs[i] = ids[i];
        }
        return hf.decode(longs, skipSpecialTokens);
    }

    /** Number of ids, added tokens included: one more than the largest id (HF's {@code len(tokenizer)}). */
    public int vocabSize() {
        return files.vocabSize();
    }

    /** The id of a vocabulary or added token, given as it is stored (byte-level BPE writes a space as Ġ). */
    public OptionalInt tokenId(String token) {
        return files.id(token);
    }

    /** The stored form of the token with this id. */
    public String token(int id) {
        String token = files.tokens.get(id);
        if (token == null) {
            throw new Reason4jException("token id " + id + " is not in the vocabulary of " + files.dir);
        }
        return token;
    }

    /**
     * The ids that end generation: {@code generation_config.json}'s {@code eos_token_id} (an int or a
     * list), else {@code config.json}'s, else the id of {@code tokenizer_config.json}'s {@code eos_token};
     * deduplicated, in file order. Empty if none of them says.
     */
    public List<Integer> eosTokenIds() {
        return eosTokenIds;
    }

    /** {@code pad_token} of tokenizer_config.json, or {@code pad_token_id} of generation_config/config.json. */
    public OptionalInt padTokenId() {
        return files.specialTokenId("pad_token");
    }

    /** {@code bos_token} of tokenizer_config.json, or {@code bos_token_id} of generation_config/config.json. */
    public OptionalInt bosTokenId() {
        return files.specialTokenId("bos_token");
    }

    /** The model's chat template, if its files have one. */
    public Optional<ChatTemplate> chatTemplate() {
        return chatTemplate;
    }

    /**
     * Renders a conversation with the model's chat template, as HF's {@code apply_chat_template(...,
     * tokenize=False)} does.
     *
     * @throws Reason4jException if the model has no chat template, or the template refuses the conversation
     */
    public String applyChatTemplate(List<Map<String, Object>> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        return requireTemplate().render(messages, addGenerationPrompt, extraContext);
    }

    /** {@link #applyChatTemplate(List, boolean, Map)} for plain {@code {role, content}} messages. */
    public String applyChatTemplate(Collection<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        return requireTemplate().render(messages, addGenerationPrompt, extraContext);
    }

    private ChatTemplate requireTemplate() {
        return chatTemplate.orElseThrow(() -> new Reason4jException("the tokenizer in " + files.dir
                + " has no chat template: add \"chat_template\" to " + TokenizerFiles.TOKENIZER_CONFIG
                + " or a " + TokenizerFiles.CHAT_TEMPLATE_FILE + " file, or use a base-model prompt template"));
    }

    @Override
    public void close() {
        hf.close();
    }
}
