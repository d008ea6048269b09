package dev.reason4j.datasets.prompt;

import dev.reason4j.core.Reason4jException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template string syntax: {@code {question}} is replaced by the question; {@code {{} and {@code }}}
 * write literal braces; any other {@code {name}} is an error (a typo would otherwise reach the model).
 * Braces around anything that is not a name ({@code \boxed{}}, {@code \frac{1}{2}}) are plain text.
 */
final class Placeholders {
    static final String QUESTION = "question";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Placeholders() {
    }

    /** Checks a template string; the message names the template and the fix. */
    static String validate(String templateName, String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new Reason4jException("prompt template '" + templateName + "' is empty: write a string containing {question}");
        }
        Matcher matcher = TOKEN.matcher(pattern);
        boolean hasQuestion = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name == null) {
                continue;
            }
            if (!QUESTION.equals(name)) {
                throw new Reason4jException("prompt template '" + templateName + "' has an unknown placeholder {" + name
                        + "}: the only placeholder is {question}; write {{" + name + "}} for literal braces");
            }
            hasQuestion = true;
        }
        if (!hasQuestion) {
            throw new Reason4jException("prompt template '" + templateName
                    + "' has no {question} placeholder, so the question would never reach the model: add {question}");
        }
        return pattern;
    }

    /** The pattern with {@code {question}} replaced and escaped braces unescaped. */
    static String fill(String pattern, String question) {
        Matcher matcher = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + question.length());
        while (matcher.find()) {
            String token = matcher.group();
            String replacement = token.equals("{{") ? "{" : token.equals("}}") ? "}" : question;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
