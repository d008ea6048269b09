package dev.reason4j.verifiers.math;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in {@link AnswerExtractor}s and their default order: {@link #boxed()},
 * {@link #answerTag()}, {@link #gsm8k()}, {@link #finalAnswerIs()}, {@link #theAnswerIs()},
 * {@link #markdownBold()}, {@link #bareAnswer()}. {@link #named(String)} is the one place a
 * configuration name maps to an extractor.
 */
public final class AnswerExtractors {

    private static final Pattern BOXED = Pattern.compile("\\\\(?:boxed|fbox)\\s*\\{");
    private static final Pattern FINAL_ANSWER = Pattern.compile("(?i)final\\s+answer\\s*(?:is\\b)?\\s*:?\\**:?");
    private static final Pattern THE_ANSWER_IS = Pattern.compile("(?i)\\banswer\\s+is\\b\\s*:?");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]{1,200})\\*\\*");
    /** Where a stated answer ends: a full stop, a line break, or an explanation starting ("18 because ..."). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.;](?=\\s|$)|\\n|,?\\s+(?i:because|since|which|given|as)\\b");
    private static final int BARE_ANSWER_MAX_CHARS = 64;
    /** How far after "the answer is" an answer is looked for. */
    private static final int PHRASE_WINDOW_CHARS = 4096;
    /** More different answers than this is a hedge whatever they are: stop collecting. */
    static final int MAX_DISTINCT_CANDIDATES = 64;
    private static final int BARE_ANSWER_MAX_WORDS = 3;
    /** A word of prose: two or more letters not introduced by a backslash. */
    private static final Pattern WORD = Pattern.compile("(?<![\\\\a-zA-Z])[a-zA-Z]{2,}");

    private AnswerExtractors() {
    }

    /** Every {@code \boxed{…}} and {@code \fbox{…}}, nested braces matched; {@code \boxed{\boxed{5}}} is {@code 5}. */
    public static AnswerExtractor boxed() {
        return new Named("boxed", AnswerExtractors::boxedContents);
    }

    /** Every {@code <answer>…</answer>}; a {@code \boxed{}} inside one is unwrapped. */
    public static AnswerExtractor answerTag() {
        return new Named("answer_tag", text -> {
            List<String> out = new ArrayList<>();
            for (int at = text.indexOf("<answer>"); at >= 0; ) {
                int end = text.indexOf("</answer>", at);
                if (end < 0) {
                    break;
                }
                out.add(unwrap(text.substring(at + "<answer>".length(), end)));
                at = text.indexOf("<answer>", end);
            }
            return out;
        });
    }

    /** GSM8K's {@code #### 42}: the rest of the line after each {@code ####}. */
    public static AnswerExtractor gsm8k() {
        return new Named("gsm8k", text -> {
            List<String> out = new ArrayList<>();
            for (int at = text.indexOf("####"); at >= 0; ) {
                int newline = text.indexOf('\n', at);
                int end = newline < 0 ? text.length() : newline;
                String rest = text.substring(at + 4, end).replace("#", "").strip();
                if (!rest.isEmpty()) {
                    out.add(unwrap(rest));
                }
                at = text.indexOf("####", end); // one candidate per line keeps this linear
            }
            return out;
        });
    }

    /** "The final answer is 42", "**Final Answer:** 42", or "Final Answer" with the answer on the next line. */
    public static AnswerExtractor finalAnswerIs() {
        return new Named("final_answer", text -> afterPhrase(text, FINAL_ANSWER));
    }

    /** "The answer is 42." up to the end of the sentence. */
    public static AnswerExtractor theAnswerIs() {
        return new Named("the_answer_is", text -> afterPhrase(text, THE_ANSWER_IS));
    }

    /** The last markdown bold span: a weak signal, so only the last one and only as a late fallback. */
    public static AnswerExtractor markdownBold() {
        return new Named("bold", text -> {
            String last = null;
            for (Matcher m = BOLD.matcher(text); m.find(); ) {
                last = m.group(1);
            }
            return last == null || last.isBlank() ? List.of() : List.of(unwrap(last));
        });
    }

    /**
     * The whole gradable text when it is one short line of at most three words ("42", "(B)",
     * "no solution"): for responses that are only an answer. A sentence is not an answer.
     */
    public static AnswerExtractor bareAnswer() {
        return new Named("bare", text -> {
            String t = text.strip();
            if (t.isEmpty() || t.length() > BARE_ANSWER_MAX_CHARS || t.contains("\n")) {
                return List.of();
            }
            return WORD.matcher(t).results().count() > BARE_ANSWER_MAX_WORDS ? List.of() : List.of(unwrap(t));
        });
    }

    public static List<AnswerExtractor> defaults() {
        return List.of(boxed(), answerTag(), gsm8k(), finalAnswerIs(), theAnswerIs(), markdownBold(), bareAnswer());
    }

    /** The extractor a configuration names: boxed, answer_tag, gsm8k, final_answer, the_answer_is, bold, bare. */
    public static AnswerExtractor named(String name) {
        for (AnswerExtractor e : defaults()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown answer extractor '" + name
                + "'; use one of boxed, answer_tag, gsm8k, final_answer, the_answer_is, bold, bare");
    }

    static List<String> boxedContents(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BOXED.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matchingBrace(text, open);
            if (close < 0) {
                break;
            }
            out.add(unwrap(text.substring(open + 1, close)));
            from = close + 1;
        }
        return out;
    }

    /** The brace closing the one at {@code open}; {@code \{} and {@code \}} are literal set braces, not structure. */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
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

    /**
     * The answers stated after each occurrence of a phrase. Each is read from a bounded window, the
     * search resumes after the answer just read, and the scan stops once
     * {@link #MAX_DISTINCT_CANDIDATES} different ones are found (a hedge either way), so a response
     * repeating the phrase costs linear time and bounded memory.
     */
    private static List<String> afterPhrase(String text, Pattern phrase) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = phrase.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from) && out.size() <= MAX_DISTINCT_CANDIDATES) {
            String window = text.substring(m.end(), Math.min(text.length(), m.end() + PHRASE_WINDOW_CHARS));
            String rest = window.stripLeading();
            String candidate = firstSentence(rest);
            if (!candidate.isBlank()) {
                out.add(unwrap(candidate));
            }
            // the next phrase is looked for after this answer, so repeated phrases cost linear time
            from = m.end() + (window.length() - rest.length()) + Math.max(1, candidate.length());
        }
        return new ArrayList<>(out);
    }

    /** A math span in delimiters is taken whole; otherwise up to the end of the sentence or line. */
    private static String firstSentence(String rest) {
        rest = rest.replaceFirst("^\\*\\*\\s*", "");
        for (String[] d : new String[][] {{"$$", "$$"}, {"$", "$"}, {"\\(", "\\)"}, {"\\[", "\\]"}}) {
            if (rest.startsWith(d[0])) {
                int close = rest.indexOf(d[1], d[0].length());
                return close < 0 ? rest : rest.substring(0, close + d[1].length());
            }
        }
        if (rest.startsWith("\\boxed") || rest.startsWith("\\fbox")) {
            List<String> boxed = boxedContents(rest);
            return boxed.isEmpty() ? "" : boxed.get(0);
        }
        Matcher end = SENTENCE_END.matcher(rest);
        return end.find() ? rest.substring(0, end.start()) : rest;
    }

    /** Strips markdown emphasis and a wrapping {@code \boxed{}}. */
    private static String unwrap(String candidate) {
        String s = candidate.strip();
        while (s.length() >= 4 && s.startsWith("**") && s.endsWith("**")) {
            s = s.substring(2, s.length() - 2).strip();
        }
        if (s.contains("\\boxed") || s.contains("\\fbox")) {
            List<String> inner = boxedContents(s);
            if (inner.size() == 1) {
                return inner.get(0);
            }
        }
        return s;
    }

    private record Named(String name, Function<String, List<String>> rule) implements AnswerExtractor {
        @Override
        public List<String> extract(String gradableText) {
            return rule.apply(gradableText);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
