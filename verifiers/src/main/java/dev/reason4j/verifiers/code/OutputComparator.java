package dev.reason4j.verifiers.code;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares a program's standard output with the expected output, line by line and token by token.
 *
 * <ul>
 *   <li>Trailing whitespace on a line and trailing empty lines are ignored ({@code "3 \n\n"} equals
 *       {@code "3"}); {@code \r\n} equals {@code \n}. The number of remaining lines must agree.</li>
 *   <li>Within a line, tokens are separated by runs of whitespace.</li>
 *   <li>Two numeric tokens compare as numbers under {@link Tolerance#matches}: an expected integer
 *       exactly, an expected decimal within the tolerance. Any other token compares as a string,
 *       case-sensitively.</li>
 * </ul>
 */
public final class OutputComparator {

    /** Longer numeric-looking tokens compare as strings, so a hostile 10 MB digit string costs no parsing. */
    private static final int MAX_NUMBER_CHARS = 100;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,6})?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int SHOWN_CHARS = 40;

    private final Tolerance tolerance;

    public OutputComparator(Tolerance tolerance) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** Empty when the outputs match; otherwise one sentence naming the first difference. */
    public Optional<String> difference(String expected, String actual) {
        List<String> expectedLines = significantLines(expected);
        List<String> actualLines = significantLines(actual);
        int common = Math.min(expectedLines.size(), actualLines.size());
        for (int line = 0; line < common; line++) {
            Optional<String> diff = lineDifference(expectedLines.get(line), actualLines.get(line));
            if (diff.isPresent()) {
                return Optional.of("line " + (line + 1) + ": " + diff.get());
            }
        }
        if (expectedLines.size() != actualLines.size()) {
            return Optional.of("expected " + expectedLines.size() + " line(s), got " + actualLines.size());
        }
        return Optional.empty();
    }

    public boolean matches(String expected, String actual) {
        return difference(expected, actual).isEmpty();
    }

    private Optional<String> lineDifference(String expectedLine, String actualLine) {
        String[] expectedTokens = tokens(expectedLine);
        String[] actualTokens = tokens(actualLine);
        int common = Math.min(expectedTokens.length, actualTokens.length);
        for (int t = 0; t < common; t++) {
            if (!tokenMatches(expectedTokens[t], actualTokens[t])) {
                return Optional.of("token " + (t + 1) + ": expected '" + shown(expectedTokens[t])
                        + "', got '" + shown(actualTokens[t]) + "'");
            }
        }
        if (expectedTokens.length != actualTokens.length) {
            return Optional.of("expected " + expectedTokens.length + " token(s), got " + actualTokens.length);
        }
        return Optional.empty();
    }

    boolean tokenMatches(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (!isNumber(expected) || !isNumber(actual)) {
            return false;
        }
        return tolerance.matches(new BigDecimal(expected), INTEGER.matcher(expected).matches(), new BigDecimal(actual));
    }

    private static boolean isNumber(String token) {
        return token.length() <= MAX_NUMBER_CHARS && DECIMAL.matcher(token).matches();
    }

    /** Lines with trailing whitespace removed, without the trailing empty ones. */
    static List<String> significantLines(String text) {
        String[] raw = text.split("\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        for (String line : raw) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String[] tokens(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? new String[0] : WHITESPACE.split(stripped);
    }

    private static String shown(String token) {
        return token.length() <= SHOWN_CHARS ? token : token.substring(0, SHOWN_CHARS) + "…";
    }
}
