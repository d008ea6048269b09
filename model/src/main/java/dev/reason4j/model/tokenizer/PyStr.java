package dev.reason4j.model.tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Python's {@code str} methods with Python's semantics, for chat templates. Java's look-alikes differ
 * where it matters: {@code String.split} takes a regex and drops trailing empty strings, and nothing in
 * Java strips an arbitrary set of characters. Indices count code points, as Python's do.
 */
final class PyStr {
    private PyStr() {
    }

    /** Python's {@code str.isspace} for one code point. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    static String strip(String s, String chars) {
        return rstrip(lstrip(s, chars), chars);
    }

    /** {@code chars == null} strips whitespace, as Python's does. */
    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!stripped(cp, chars)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!stripped(cp, chars)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
    }

    /** Python's {@code str.split(sep, maxsplit)}: {@code sep == null} splits on runs of whitespace. */
    static List<String> split(String s, String sep, int maxSplit) {
        if (sep == null) {
            return splitWhitespace(s, maxSplit);
        }
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int at;
        while ((maxSplit < 0 || parts.size() < maxSplit) && (at = s.indexOf(sep, start)) >= 0) {
            parts.add(s.substring(start, at));
            start = at + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Python's {@code str.rsplit(sep, maxsplit)}. */
    static List<String> rsplit(String s, String sep, int maxSplit) {
        if (maxSplit < 0) {
            return split(s, sep, maxSplit);
        }
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            int end = s.length();
            while (true) {
                while (end > 0 && isSpace(s.codePointBefore(end))) {
                    end -= Character.charCount(s.codePointBefore(end));
                }
                if (end == 0) {
                    break;
                }
                if (parts.size() == maxSplit) {
                    parts.add(0, s.substring(0, end));
                    break;
                }
                int start = end;
                while (start > 0 && !isSpace(s.codePointBefore(start))) {
                    start -= Character.charCount(s.codePointBefore(start));
                }
                parts.add(0, s.substring(start, end));
                end = start;
            }
            return parts;
        }
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        int end = s.length();
        int at;
        while (parts.size() < maxSplit && end >= sep.length() && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
            parts.add(0, s.substring(at + sep.length(), end));
            end = at;
        }
        parts.add(0, s.substring(0, end));
        return parts;
    }

    private static List<String> splitWhitespace(String s, int maxSplit) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i >= n) {
                return parts;
            }
            if (maxSplit >= 0 && parts.size() == maxSplit) {
                parts.add(s.substring(i));
                return parts;
            }
            int start = i;
            while (i < n && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            parts.add(s.substring(start, i));
        }
    }

    /** Python's {@code str.splitlines()} (without keepends). */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                lines.add(s.substring(start, i));
                i += 2;
                start = i;
            } else if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** Python's {@code str.replace(old, new, count)}; {@code count < 0} replaces all. */
    static String replace(String s, String old, String replacement, int count) {
        if (old.isEmpty()) {
            // Python inserts the replacement between code points, and at both ends.
            StringBuilder out = new StringBuilder();
            int done = 0;
            int i = 0;
            while (i <= s.length()) {
                if (count < 0 || done < count) {
                    out.append(replacement);
                    done++;
                }
                if (i == s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        int done = 0;
        int at;
        while ((count < 0 || done < count) && (at = s.indexOf(old, start)) >= 0) {
            out.append(s, start, at).append(replacement);
            start = at + old.length();
            done++;
        }
        return out.append(s.substring(start)).toString();
    }

    /** Python's {@code str.title()}: a cased letter after an uncased character starts a word. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean cased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
            if (cased) {
                out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            } else {
                out.appendCodePoint(cp);
            }
            previousCased = cased;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Python's {@code str.capitalize()}. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(s.substring(Character.charCount(first)).toLowerCase(java.util.Locale.ROOT)).toString();
    }

    /** {@code startswith}/{@code endswith}: the affix may be a string or a tuple (list) of strings. */
    static boolean hasAffix(String s, Object affix, boolean prefix) {
        if (affix instanceof Collection<?> options) {
            for (Object option : options) {
                if (hasAffix(s, option, prefix)) {
                    return true;
                }
            }
            return false;
        }
        String a = String.valueOf(affix);
        return prefix ? s.startsWith(a) : s.endsWith(a);
    }

    /** Python's {@code str.find}/{@code rfind} result as a code-point index, or -1. */
    static int find(String s, String sub, boolean fromRight) {
        int at = fromRight ? s.lastIndexOf(sub) : s.indexOf(sub);
        return at < 0 ? -1 : s.codePointCount(0, at);
    }

    /** Python's {@code str.count(sub)}: non-overlapping occurrences. */
    static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    static boolean all(String s, java.util.function.IntPredicate test) {
        return !s.isEmpty() && s.codePoints().allMatch(test);
    }
}
