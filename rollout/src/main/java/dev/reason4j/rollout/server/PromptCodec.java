package dev.reason4j.rollout.server;

import dev.reason4j.model.tokenizer.Tokenizer;

/** What the service needs of a tokenizer: text prompts to ids, and each token's text for logprob offsets. */
public interface PromptCodec {
    int[] encode(String text, boolean addSpecialTokens);

    /** The text of one token decoded alone ("" for ids the tokenizer does not know, such as padded vocabulary rows). */
    String tokenText(int id);

    /** Ids a prompt may use: [0, vocabSize). */
    int vocabSize();

    /**
     * A codec over {@code tokenizer} that accepts ids below {@code vocabSize} (the model's, which
     * may be padded past the tokenizer's). The tokenizer stays the caller's to close.
     */
    static PromptCodec of(Tokenizer tokenizer, int vocabSize) {
        return new TokenizerCodec(tokenizer, vocabSize);
    }
}
