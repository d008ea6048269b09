package dev.reason4j.datasets;

/**
 * Pulling the reference answer out of a worked solution, the way public datasets store it. These read
 * trusted dataset text; grading a model's response is the verifiers' job.
 */
public final class ReferenceAnswers {
    private ReferenceAnswers() {
    }

    /**
     * GSM8K's final line: the text after the last {@code ####}, trimmed, with thousands separators
     * removed ({@code "#### 1,234"} → {@code "1234"}). Null if there is no {@code ####} or nothing after it.
     */
    public static String afterFinalHashes(String solution) {
        int at = solution.lastIndexOf("####");
        if (at < 0) {
            return null;
        }
        String answer = solution.substring(at + 4).replace(",", "").strip();
        return answer.isEmpty() ? null : answer;
    }

    /**
     * The content of the last {@code \boxed{...}} (or {@code \fbox{...}}), with nested braces kept whole:
     * {@code \boxed{\frac{1}{2}}} → {@code \frac{1}{2}}. Escaped braces {@code \{ \}} do not count as
     * nesting. The brace-less form {@code \boxed 5} gives {@code 5}. Null if there is none, or the last one
     * is never closed.
     */
    public static String lastBoxed(String solution) {
        int at = Math.max(solution.lastIndexOf("\\boxed"), solution.lastIndexOf("\\fbox"));
        if (at < 0) {
            return null;
        }
        int afterCommand = at + (solution.startsWith("\\boxed", at) ? "\\boxed".length() : "\\fbox".length());
        int i = afterCommand;
        while (i < solution.length() && Character.isWhitespace(solution.charAt(i))) {
            i++;
        }
        if (i >= solution.length()) {
            return null;
        }
        if (solution.charAt(i) != '{') {
            return i > afterCommand ? braceless(solution, i) : null;
        }
        int end = closingBrace(solution, i);
        if (end < 0) {
            return null;
        }
        String content = solution.substring(i + 1, end).strip();
        return content.isEmpty() ? null : content;
    }

    /** {@code \boxed 5$}: the token after the space, up to whitespace or {@code $}. */
    private static String braceless(String text, int start) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '$') {
            end++;
        }
        return end > start ? text.substring(start, end) : null;
    }

    /** Index of the brace closing the one at {@code open}, or -1. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
