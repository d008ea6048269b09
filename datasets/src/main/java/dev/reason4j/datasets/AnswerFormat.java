package dev.reason4j.datasets;

import dev.reason4j.core.Reason4jException;

import java.util.Locale;

/** How the reference answer is written in a dataset's answer column. */
public enum AnswerFormat {
    /** The cell is the answer ({@code "42"}, {@code "\frac{1}{2}"}). */
    PLAIN("plain", "empty answer") {
        @Override
        String extract(String cell) {
            String answer = cell.strip();
            return answer.isEmpty() ? null : answer;
        }
    },
    /** GSM8K: a worked solution whose last line is {@code #### n}; the answer is n without commas. */
    FINAL_HASHES("gsm8k", "no final '#### n' line") {
        @Override
        String extract(String cell) {
            return ReferenceAnswers.afterFinalHashes(cell);
        }
    },
    /** A worked solution with the answer in its last {@code \boxed{...}} (MATH style). */
    LAST_BOXED("boxed", "no complete \\boxed{...}") {
        @Override
        String extract(String cell) {
            return ReferenceAnswers.lastBoxed(cell);
        }
    };

    private final String configName;
    private final String missing;

    AnswerFormat(String configName, String missing) {
        this.configName = configName;
        this.missing = missing;
    }

    /** The answer written in {@code cell}, or null when this format finds none. */
    abstract String extract(String cell);

    /** What a cell lacks when {@link #extract} gives null, for bad-row messages. */
    String whatIsMissing() {
        return missing;
    }

    /** The name used in configs: {@code plain}, {@code gsm8k} or {@code boxed}. */
    public String configName() {
        return configName;
    }

    public static AnswerFormat named(String name) {
        for (AnswerFormat format : values()) {
            if (format.configName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new Reason4jException("unknown answer_format '" + name + "': use plain, gsm8k (text after '####') or boxed (last \\boxed{})");
    }
}
