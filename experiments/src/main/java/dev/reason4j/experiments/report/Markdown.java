package dev.reason4j.experiments.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** The Markdown (GitHub-flavoured) that a report needs, with its escaping in one place. */
final class Markdown {
    private static final String SPECIAL = "\\`*_[]<>#|!~";

    private Markdown() {
    }

    /** Plain text: every Markdown punctuation character backslash-escaped, line breaks made spaces. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An inline code span that survives backticks in {@code raw}. */
    static String code(String raw) {
        String flat = raw.replace('\n', ' ').replace('\r', ' ');
        String ticks = "`".repeat(longestRun(flat, '`') + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return ticks + pad + flat + pad + ticks;
    }

    /** {@link #code} for a table cell, where GitHub needs a pipe escaped even inside a code span. */
    static String codeCell(String raw) {
        return code(raw).replace("|", "\\|");
    }

    /**
     * A fenced code block whose fence is longer than any run of backticks in {@code content}, so a
     * completion that itself contains {@code ```} fences cannot close the block early.
     */
    static String fenced(String content, String info) {
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        String body = content.endsWith("\n") ? content : content + "\n";
        return fence + info + "\n" + body + fence + "\n";
    }

    /** A table; cells are written as given (escape them with {@link #text} or {@link #code} first). */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(row(header));
        out.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> out.append(row(r)));
        return out.toString();
    }

    /** A number for a table: integers as such, four significant digits otherwise, plain ASCII. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-3 || magnitude >= 1e7) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A difference, always signed: {@code +0.25}, {@code -3}, {@code 0}. */
    static String signed(double value) {
        String plain = number(value);
        return value > 0 ? "+" + plain : plain;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
