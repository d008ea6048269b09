package dev.reason4j.model.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into text and tags exactly as Jinja2's lexer does with {@code trim_blocks=True,
 * lstrip_blocks=True, keep_trailing_newline=False} (HF's settings), applying all whitespace control
 * here: {@code {%-}/{@code -%}} and friends, {@code +} markers, lstrip before block and comment tags,
 * the newline after a block or comment tag, {@code \r\n} and {@code \r} read as {@code \n}, and one
 * trailing newline dropped. Comments are dropped. What comes out needs no whitespace handling from
 * the engine that renders it.
 */
final class JinjaLexer {
    enum Kind { TEXT, VARIABLE, BLOCK, RAW }

    /** A piece of template: literal text, raw-block text, or the body of a tag without its markers. */
    record Segment(Kind kind, String text) {
    }

    private static final Pattern RAW_BEGIN = Pattern.compile("\\{%([-+]?)\\s*raw\\s*(?:-%}\\s*|%})");
    private static final Pattern RAW_END = Pattern.compile("\\{%([-+]?)\\s*endraw\\s*(\\+%}|-%}\\s*|%}\\n?)");
    private static final Pattern NEWLINE = Pattern.compile("\\r\\n|\\r|\\n");

    private final String source;
    private final List<Segment> segments = new ArrayList<>();
    private int pos;
    private boolean lineStarting = true;

    private JinjaLexer(String source) {
        this.source = source;
    }

    static List<Segment> split(String template) {
        JinjaLexer lexer = new JinjaLexer(normalizeNewlines(template));
        lexer.run();
        return lexer.segments;
    }

    /** Jinja2 splits on {@code \r\n|\r|\n}, drops one trailing empty line, and joins with {@code \n}. */
    static String normalizeNewlines(String s) {
        String joined = NEWLINE.matcher(s).replaceAll("\n");
        return joined.endsWith("\n") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private void run() {
        while (pos < source.length()) {
            int start = nextTagStart(pos);
            if (start < 0) {
                add(Kind.TEXT, source.substring(pos));
                return;
            }
            String text = source.substring(pos, start);
            char kind = source.charAt(start + 1);
            Matcher raw = RAW_BEGIN.matcher(source).region(start, source.length());
            boolean isRaw = kind == '%' && raw.lookingAt();
            String sign = isRaw ? raw.group(1) : sign(start + 2);
            add(Kind.TEXT, stripBefore(text, sign, kind != '{'));
            if (isRaw) {
                readRaw(raw.end());
            } else if (kind == '#') {
                readComment(start + 2 + sign.length());
            } else {
                readTag(start + 2 + sign.length(), kind == '{');
            }
        }
    }

    private int nextTagStart(int from) {
        for (int i = source.indexOf('{', from); i >= 0 && i + 1 < source.length(); i = source.indexOf('{', i + 1)) {
            char next = source.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    private String sign(int at) {
        if (at < source.length() && (source.charAt(at) == '-' || source.charAt(at) == '+')) {
            return source.substring(at, at + 1);
        }
        return "";
    }

    /** The text before a tag, after the tag's left whitespace control. */
    private String stripBefore(String text, String sign, boolean blockOrComment) {
        if (sign.equals("-")) {
            return PyStr.rstrip(text, null);
        }
        if (!sign.equals("+") && blockOrComment) {
            int lineStart = text.lastIndexOf('\n') + 1;
            String tail = text.substring(lineStart);
            if ((lineStart > 0 || lineStarting) && !tail.isEmpty() && PyStr.all(tail, PyStr::isSpace)) {
                return text.substring(0, lineStart);
            }
        }
        return text;
    }

    private void readTag(int bodyStart, boolean variable) {
        String closer = variable ? "}}" : "%}";
        int close = findCloser(bodyStart, closer);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed '" + (variable ? "{{" : "{%") + "' at character " + bodyStart);
        }
        int bodyEnd = close;
        String rightSign = "";
        if (close > bodyStart && (source.charAt(close - 1) == '-' || (!variable && source.charAt(close - 1) == '+'))) {
            rightSign = source.substring(close - 1, close);
            bodyEnd = close - 1;
        }
        add(variable ? Kind.VARIABLE : Kind.BLOCK, source.substring(bodyStart, bodyEnd));
        afterTag(close + 2, rightSign, !variable);
    }

    private void readComment(int bodyStart) {
        int close = source.indexOf("#}", bodyStart);
        if (close < 0) {
            throw new IllegalArgumentException("missing end of comment tag (#}) after character " + bodyStart);
        }
        String rightSign = close > bodyStart && (source.charAt(close - 1) == '-' || source.charAt(close - 1) == '+')
                ? source.substring(close - 1, close) : "";
        afterTag(close + 2, rightSign, true);
    }

    /** Consumes what the tag's right whitespace control removes, and notes whether a line starts. */
    private void afterTag(int end, String rightSign, boolean trims) {
        int next = end;
        if (rightSign.equals("-")) {
            while (next < source.length() && PyStr.isSpace(source.codePointAt(next))) {
                next += Character.charCount(source.codePointAt(next));
            }
        } else if (rightSign.isEmpty() && trims && next < source.length() && source.charAt(next) == '\n') {
            next++;
        }
        lineStarting = source.charAt(next - 1) == '\n';
        pos = next;
    }

    private void readRaw(int contentStart) {
        lineStarting = source.charAt(contentStart - 1) == '\n';
        Matcher end = RAW_END.matcher(source);
        if (!end.find(contentStart)) {
            throw new IllegalArgumentException("missing end of raw directive ({% endraw %}) after character " + contentStart);
        }
        add(Kind.RAW, stripBefore(source.substring(contentStart, end.start()), end.group(1), true));
        lineStarting = end.group().endsWith("\n");
        pos = end.end();
    }

    /** Index of the closer at bracket depth 0 outside string literals, as Jinja2 balances them; -1 if none. */
    private int findCloser(int from, String closer) {
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(source, i) - 1;
            } else if (depth == 0 && source.startsWith(closer, i)) {
                return i;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return -1;
    }

    /** Index just past the string literal that opens at {@code start}. */
    static int endOfString(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private void add(Kind kind, String text) {
        if (kind != Kind.TEXT || !text.isEmpty()) {
            segments.add(new Segment(kind, text));
        }
    }
}
