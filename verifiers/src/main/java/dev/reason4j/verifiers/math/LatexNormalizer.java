package dev.reason4j.verifiers.math;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the surface differences between spellings of one answer, before any parsing:
 * <ul>
 *   <li>math delimiters {@code $…$ \(…\) \[…\]}; {@code \dfrac \tfrac \cfrac → \frac}, {@code \dbinom → \binom};</li>
 *   <li>{@code \left \right \big…}, {@code \displaystyle}, spacing commands {@code \, \; \! \quad ~};</li>
 *   <li>{@code ^\circ}, {@code °}, {@code \%}, {@code \$}: a percent sign is dropped, not divided by 100;
 *       a degree sign is dropped too, except inside a trig function, where it is {@code \pi/180};</li>
 *   <li>units written as trailing text after a number ({@code 5\text{ cm}}), or as a known unit word
 *       after a lone number ({@code 12 dollars}, but not {@code (x+1) h}), then
 *       {@code \text{} \mathrm{} \textbf{} \mbox{} \operatorname{}} … unwrapped to their content;</li>
 *   <li>thousands separators in a lone number ({@code 2,500,000}, {@code 2{,}500}, {@code 2\,500});</li>
 *   <li>a trailing period; unicode symbols (π √ ∞ × · ÷ − ≤ ≥ ≠ ± ∪ ∈ ² ³) to LaTeX;</li>
 *   <li>mixed numbers: a lone {@code 2\frac{1}{2}} or {@code 2 1/2} (proper fraction) is {@code 2 + 1/2}.</li>
 * </ul>
 * A leading {@code x =} is not removed here: {@link Equivalence} treats an assignment as its value.
 * Linear-time regular expressions only; inputs are already capped in length.
 */
final class LatexNormalizer {

    private static final Map<String, String> UNICODE = Map.ofEntries(
            Map.entry("π", "\\pi "), Map.entry("√", "\\sqrt"), Map.entry("∞", "\\infty "), Map.entry("×", "\\times "),
            Map.entry("·", "\\cdot "), Map.entry("÷", "\\div "), Map.entry("−", "-"), Map.entry("–", "-"),
            Map.entry("≤", "\\le "), Map.entry("≥", "\\ge "), Map.entry("≠", "\\ne "), Map.entry("±", "\\pm "),
            Map.entry("∪", "\\cup "), Map.entry("∈", "\\in "), Map.entry("²", "^2"), Map.entry("³", "^3"),
            Map.entry("°", "^\\circ"), Map.entry("\u00a0", " "));

    private static final Pattern DELIMITERS = Pattern.compile("^(?:\\$\\$(.*)\\$\\$|\\$(.*)\\$|\\\\\\((.*)\\\\\\)|\\\\\\[(.*)\\\\])$", Pattern.DOTALL);
    private static final Pattern SIZING = Pattern.compile(
            "\\\\(?:left|right|middle)\\.|\\\\(?:left|right|middle|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg|displaystyle|textstyle)(?![a-zA-Z])");
    private static final Pattern SPACING = Pattern.compile("(?<!\\\\)\\\\[,;:! ]|\\\\q?quad(?![a-zA-Z])|~");
    private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*}?|\\\\degree(?![a-zA-Z])");
    private static final Pattern TRIG = Pattern.compile("\\\\(?:sin|cos|tan|sec|csc|cot)(?![a-zA-Z])");
    private static final Pattern TRAILING_UNIT_TEXT = Pattern.compile(
            "(?<=[\\d}).])\\s*\\\\(?:text|mbox|mathrm|textrm)\\{\\s*[a-zA-Z][a-zA-Z .]*}(?:\\^\\{?[23]}?)?\\s*$");
    private static final Pattern WRAPPERS = Pattern.compile(
            "\\\\(?:text|textbf|textit|textrm|textnormal|mathrm|mathbf|mathit|mathsf|mathnormal|mbox|operatorname|boldsymbol)\\s*\\{");
    private static final Pattern PLAIN_UNITS = Pattern.compile("^([+-]?\\d[\\d,]*(?:\\.\\d+)?)\\s+(?:(?:square|sq\\.?|cubic)\\s+)?(?:"
            + "cm|mm|km|m|in|inch|inches|ft|feet|foot|yd|yards?|mi|miles?|g|kg|mg|lbs?|pounds?|oz|ounces?|l|ml|liters?|litres?"
            + "|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|dollars?|cents?|degrees?|units?"
            + "|meters?|metres?|centimeters?|kilometers?|mph)(?:\\^?[23])?$");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(?:([, ])\\d{3})(?:\\1\\d{3})*(?:\\.\\d+)?");
    private static final Pattern MIXED_LATEX = Pattern.compile("(-?)(\\d+)\\s*\\\\frac\\s*\\{(\\d+)}\\s*\\{(\\d+)}");
    private static final Pattern MIXED_PLAIN = Pattern.compile("(-?)(\\d+)\\s+(\\d+)\\s*/\\s*(\\d+)");

    private LatexNormalizer() {
    }

    static String normalize(String answer) {
        String s = stripDelimiters(answer.strip());
        for (Map.Entry<String, String> u : UNICODE.entrySet()) {
            s = s.replace(u.getKey(), u.getValue());
        }
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac").replace("\\cfrac", "\\frac")
                .replace("\\dbinom", "\\binom").replace("\\tbinom", "\\binom");
        s = SIZING.matcher(s).replaceAll("");
        s = s.replace("\\lvert", "|").replace("\\rvert", "|").replace("\\vert", "|");
        // a lone 30^\circ is the number 30; inside a trig function a degree is pi/180
        s = DEGREES.matcher(s).replaceAll(TRIG.matcher(s).find() ? "(\\\\pi/180)" : "");
        s = s.replace("\\%", "").replace("%", "").replace("\\$", "").replace("$", "").replace("{,}", ",");
        s = SPACING.matcher(s).replaceAll(" ");
        s = s.replace("**", "^");
        s = TRAILING_UNIT_TEXT.matcher(s).replaceAll("");
        for (String before = null; !s.equals(before); ) {
            before = s;
            s = unwrapText(s);
        }
        s = s.replaceAll("\\s+", " ").strip();
        s = PLAIN_UNITS.matcher(s).replaceAll("$1");
        while (s.endsWith(".") && !s.endsWith("..")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return numbers(s);
    }

    private static String stripDelimiters(String s) {
        Matcher m = DELIMITERS.matcher(s);
        if (!m.matches()) {
            return s;
        }
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g).strip();
            }
        }
        return s;
    }

    /** {@code \text{abc}} → {@code abc}, innermost braces respected; a missing close brace leaves the text as is. */
    private static String unwrapText(String s) {
        Matcher m = WRAPPERS.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find(last)) {
            int open = m.end() - 1;
            int close = TopLevel.matchingClose(s, open);
            if (close < 0) {
                break;
            }
            out.append(s, last, m.start()).append(s, open + 1, close);
            last = close + 1;
        }
        return out.append(s.substring(last)).toString();
    }

    /** Thousands separators and mixed numbers, only when they are the whole answer. */
    private static String numbers(String s) {
        if (THOUSANDS.matcher(s).matches()) {
            return s.replace(",", "").replace(" ", "");
        }
        Matcher latex = MIXED_LATEX.matcher(s);
        Matcher plain = MIXED_PLAIN.matcher(s);
        Matcher mixed = latex.matches() ? latex : plain.matches() ? plain : null;
        if (mixed != null && Long.parseLong(clip(mixed.group(3))) < Long.parseLong(clip(mixed.group(4)))) {
            return mixed.group(1) + "(" + mixed.group(2) + "+\\frac{" + mixed.group(3) + "}{" + mixed.group(4) + "})";
        }
        return s;
    }

    /** Long digit runs are not proper fractions worth reading as mixed numbers. */
    private static String clip(String digits) {
        return digits.length() > 17 ? "99999999999999999" : digits;
    }
}
