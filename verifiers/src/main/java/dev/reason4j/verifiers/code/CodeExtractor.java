package dev.reason4j.verifiers.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the program in a response: the last complete fenced code block whose info string names
 * the language (case-insensitive, e.g. {@code ```python} or {@code ```py}); when there is none and
 * unlabeled blocks are accepted, the last {@code ```} block without a label. Blocks labeled with
 * another language are never taken.
 *
 * <p>Only the answer is searched: text after the last {@code </think>}, or, when a {@code <think>}
 * is never closed, text before it. A block that is opened but never closed (a truncated response)
 * does not count. Fences are {@code ```} or {@code ~~~}, three or more, indented at most three
 * spaces; the closing fence uses the same character at least as many times.
 */
public final class CodeExtractor {

    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");
    private static final String THINK_OPEN = "<think>";
    private static final String THINK_CLOSE = "</think>";

    private final List<String> labels;
    private final boolean acceptUnlabeled;

    /**
     * @param labels          info strings that mark the language, compared case-insensitively
     * @param acceptUnlabeled whether a block without a label may be taken when no labeled one exists
     */
    public CodeExtractor(List<String> labels, boolean acceptUnlabeled) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty() && !acceptUnlabeled) {
            throw new IllegalArgumentException("CodeExtractor needs at least one label or acceptUnlabeled=true");
        }
        this.labels = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        this.acceptUnlabeled = acceptUnlabeled;
    }

    /** {@code python}, {@code py} and {@code python3} blocks, unlabeled ones as the fallback. */
    public static CodeExtractor python() {
        return Language.python().extractor();
    }

    /** The program, or empty when the answer holds no usable block (or only a blank one). */
    public Optional<String> extract(String response) {
        Objects.requireNonNull(response, "response");
        String labeled = null;
        String unlabeled = null;
        for (Block block : blocks(answerPart(response))) {
            if (block.code.isBlank()) {
                continue;
            }
            if (labels.contains(block.label)) {
                labeled = block.code;
            } else if (block.label.isEmpty()) {
                unlabeled = block.code;
            }
        }
        if (labeled != null) {
            return Optional.of(labeled);
        }
        return acceptUnlabeled ? Optional.ofNullable(unlabeled) : Optional.empty();
    }

    static String answerPart(String response) {
        int close = response.lastIndexOf(THINK_CLOSE);
        if (close >= 0) {
            return response.substring(close + THINK_CLOSE.length());
        }
        int open = response.indexOf(THINK_OPEN);
        return open >= 0 ? response.substring(0, open) : response;
    }

    private record Block(String label, String code) {}

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches()) {
                i++;
                continue;
            }
            String fence = opening.group(1);
            int end = closingLine(lines, i + 1, fence);
            if (end < 0) {
                break; // unclosed: the rest of the text is inside it
            }
            String code = String.join("\n", List.of(lines).subList(i + 1, end));
            blocks.add(new Block(opening.group(2).toLowerCase(Locale.ROOT), code.isEmpty() ? "" : code + "\n"));
            i = end + 1;
        }
        return blocks;
    }

    private static int closingLine(String[] lines, int from, String fence) {
        for (int j = from; j < lines.length; j++) {
            String stripped = lines[j].strip();
            if (stripped.length() >= fence.length() && isRunOf(stripped, fence.charAt(0))
                    && lines[j].indexOf(fence.charAt(0)) <= 3) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isRunOf(String s, char c) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }
}
