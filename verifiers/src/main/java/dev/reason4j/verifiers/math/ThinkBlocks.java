package dev.reason4j.verifiers.math;

import java.util.Optional;

/**
 * Which part of a response is graded. R1-style responses reason inside {@code <think>…</think>}
 * and answer after it, so only the text after the last {@code </think>} counts: an answer written
 * while "thinking" is a draft, not a claim. A {@code <think>} left open after that point means the
 * response never finished reasoning, and nothing in it is graded.
 */
public final class ThinkBlocks {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private ThinkBlocks() {
    }

    /** The gradable text, or empty when a {@code <think>} block is still open at the end. */
    public static Optional<String> gradable(String response) {
        int close = response.lastIndexOf(CLOSE);
        String after = close < 0 ? response : response.substring(close + CLOSE.length());
        return after.contains(OPEN) ? Optional.empty() : Optional.of(after);
    }
}
