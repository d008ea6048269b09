package dev.reason4j.model.tokenizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Python-Jinja2 chat template into a Jinjava template that renders the same text. The
 * whitespace control is applied by {@link JinjaLexer} first, so the tags handed to Jinjava carry no
 * markers and Jinjava's own trimming is switched off. Then, inside tags:
 *
 * <ul>
 *   <li>String literals become variables ({@code r4j_lit_0}, ...) bound to their values decoded
 *       with Python's escapes, so Jinjava's escape handling never matters.</li>
 *   <li>Subscripts {@code x[k]} become {@code x._r4j_item(k)} and slices {@code x[a:b:c]} (any part
 *       may be empty) become {@code x._r4j_slice(a, b, c)}, which {@link PythonMethodResolver}
 *       evaluates with Python's semantics (Jinjava cannot index strings, and has no slice step).</li>
 *   <li>The operand of a unary {@code not} is parenthesized: Python binds {@code not} more loosely
 *       than comparisons and tests, Jinjava more tightly.</li>
 *   <li>Keyword arguments {@code f(k=expr)} become {@code f(k=(expr))}: Jinjava binds {@code k=a|b - 1}
 *       as {@code (k=a|b) - 1}.</li>
 *   <li>Every {@code {{ expr }}} becomes {@code {{ r4j_str(expr) }}} so values print as Python's
 *       {@code str()} prints them ({@code True}, {@code ['a', 1]}).</li>
 * </ul>
 */
final class JinjaRewriter {
    static final String SLICE_METHOD = "_r4j_slice";
    static final String ITEM_METHOD = "_r4j_item";
    static final String STR_FUNCTION = "r4j_str";
    private static final String LITERAL_PREFIX = "r4j_lit_";
    private static final String LEFT_BRACE = "r4j_left_brace";

    private static final Pattern KEYWORD_ARGUMENT = Pattern.compile("^(\\s*[A-Za-z_][A-Za-z0-9_]*\\s*)=(?!=)(.*)$", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z_]+)");

    /** The Jinjava template, and the values of the string literals it refers to by name. */
    record Rewritten(String template, Map<String, Object> literals) {
    }

    private final Map<String, Object> literals = new LinkedHashMap<>();

    private JinjaRewriter() {
    }

    static Rewritten rewrite(String source) {
        JinjaRewriter rewriter = new JinjaRewriter();
        StringBuilder out = new StringBuilder(source.length() + 64);
        List<JinjaLexer.Segment> segments = JinjaLexer.split(source);
        for (int i = 0; i < segments.size(); i++) {
            JinjaLexer.Segment segment = segments.get(i);
            switch (segment.kind()) {
                case TEXT, RAW -> rewriter.appendText(out, segment.text(), i + 1 < segments.size());
                case VARIABLE -> out.append("{{ ").append(STR_FUNCTION).append("(")
                        .append(rewriter.expression(segment.text().strip())).append(") }}");
                case BLOCK -> out.append("{% ").append(rewriter.statement(segment.text().strip())).append(" %}");
            }
        }
        return new Rewritten(out.toString(), Map.copyOf(rewriter.literals));
    }

    /**
     * Text goes out as it is, except what Jinjava would read as a tag: braces that would run into the
     * next tag's opening {@code {{} or {@code {%}, and {@code {{}, {@code {%}, {@code {#} from raw blocks.
     */
    private void appendText(StringBuilder out, String text, boolean tagFollows) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opensTag = c == '{' && (i + 1 < text.length() ? "{%#".indexOf(text.charAt(i + 1)) >= 0 : tagFollows);
            if (opensTag) {
                literals.put(LEFT_BRACE, "{");
                out.append("{{ ").append(LEFT_BRACE).append(" }}");
            } else {
                out.append(c);
            }
        }
    }

    private String statement(String body) {
        Matcher word = FIRST_WORD.matcher(body);
        if (word.find() && (word.group(1).equals("macro") || word.group(1).equals("call"))) {
            return body; // keyword defaults in a signature are Jinjava's own syntax
        }
        return expression(body);
    }

    String expression(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = JinjaLexer.endOfString(s, i);
                String name = LITERAL_PREFIX + literals.size();
                literals.put(name, PyStringLiteral.decode(s.substring(i + 1, Math.max(i + 1, end - 1))));
                out.append(name);
                i = end;
            } else if (isUnaryNot(s, i)) {
                int end = endOfNotOperand(s, i + 3);
                out.append("not ").append(group(expression(s.substring(i + 3, end))));
                i = end;
            } else if ((c == '[' || c == '(') && i > 0 && isCallOrSubscriptBase(s.charAt(i - 1))) {
                int close = matching(s, i);
                if (close < 0) {
                    out.append(s.substring(i));
                    break;
                }
                List<String> parts = splitTopLevel(s.substring(i + 1, close), c == '[' ? ':' : ',');
                out.append(c == '[' ? subscript(parts) : call(parts));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * {@code not} that negates (not the {@code not} of {@code is not} or {@code not in}). Python gives
     * it lower precedence than comparisons and tests ({@code not x|length == 1} is
     * {@code not (x|length == 1)}); Jinjava gives it the highest, so its operand is parenthesized.
     */
    private static boolean isUnaryNot(String s, int i) {
        if (!isWord(s, i, "not")) {
            return false;
        }
        String before = s.substring(0, i).stripTrailing();
        boolean afterIs = before.endsWith("is") && (before.length() == 2 || !isIdentifierPart(before.charAt(before.length() - 3)));
        int next = i + 3;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
            next++;
        }
        return !afterIs && !isWord(s, next, "in");
    }

    /** Where the operand of a unary {@code not} ends: at a top-level and, or, if, else, comma or closer. */
    private static int endOfNotOperand(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = JinjaLexer.endOfString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    return i;
                }
            } else if (depth == 0 && (c == ',' || isWord(s, i, "and") || isWord(s, i, "or") || isWord(s, i, "if")
                    || isWord(s, i, "else"))) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Parenthesizes an expression unless it is one bracketed literal or a single word: Jinjava reads
     * {@code ({a: 1, b: 2})} as a one-element tuple.
     */
    private static String group(String expression) {
        String e = expression.strip();
        boolean word = e.chars().allMatch(ch -> isIdentifierPart((char) ch) || ch == '.');
        boolean bracketed = !e.isEmpty() && (e.charAt(0) == '{' || e.charAt(0) == '[') && matching(e, 0) == e.length() - 1;
        return (word || bracketed ? " " + e : "(" + e + ")") + " ";
    }

    private static boolean isWord(String s, int i, String word) {
        return s.startsWith(word, i) && (i == 0 || !isIdentifierPart(s.charAt(i - 1)))
                && (i + word.length() == s.length() || !isIdentifierPart(s.charAt(i + word.length())));
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private String subscript(List<String> parts) {
        if (parts.size() == 1) {
            return "." + ITEM_METHOD + "(" + expression(parts.get(0)) + ")";
        }
        if (parts.size() > 3) {
            throw new IllegalArgumentException("a slice has at most three parts: [" + String.join(":", parts) + "]");
        }
        List<String> arguments = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String part = k < parts.size() ? parts.get(k).strip() : "";
            arguments.add(part.isEmpty() ? "none" : expression(part));
        }
        return "." + SLICE_METHOD + "(" + String.join(", ", arguments) + ")";
    }

    private String call(List<String> arguments) {
        List<String> rewritten = new ArrayList<>();
        for (String argument : arguments) {
            Matcher keyword = KEYWORD_ARGUMENT.matcher(argument);
            if (keyword.matches() && !keyword.group(2).isBlank()) {
                rewritten.add(keyword.group(1) + "=" + group(expression(keyword.group(2))));
            } else {
                rewritten.add(expression(argument));
            }
        }
        return "(" + String.join(",", rewritten) + ")";
    }

    private static boolean isCallOrSubscriptBase(char previous) {
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == ')' || previous == ']'
                || previous == '\'' || previous == '"';
    }

    /** Index of the bracket closing the one at {@code open}, skipping strings and nesting; -1 if none. */
    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = JinjaLexer.endOfString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = JinjaLexer.endOfString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
