package dev.reason4j.rollout.server;

import dev.reason4j.model.tokenizer.Tokenizer;

/** {@link PromptCodec} over a Hugging Face tokenizer; single-token texts are cached (the vocabulary is finite). */
final class TokenizerCodec implements PromptCodec {
    private final Tokenizer tokenizer;
    private final int vocabSize;
    // Racy writes are harmless: every thread computes the same immutable String.
    private final String[] tokenTexts;

    TokenizerCodec(Tokenizer tokenizer, int vocabSize) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.tokenTexts = new String[vocabSize];
    }

    @Override
    public synchronized int[] encode(String text, boolean addSpecialTokens) {
        return tokenizer.encode(text, addSpecialTokens);
    }

    @Override
    public String tokenText(int id) {
        if (id < 0 || id >= vocabSize) {
            return "";
        }
        String text = tokenTexts[id];
        if (text == null) {
            synchronized (this) {
                text = id < tokenizer.vocabSize() ? tokenizer.decode(new int[] {id}, true) : "";
            }
            tokenTexts[id] = text;
        }
        return text;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }
}
