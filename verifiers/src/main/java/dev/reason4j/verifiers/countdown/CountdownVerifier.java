package dev.reason4j.verifiers.countdown;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.countdown.CountdownConfig.NumberUse;
import dev.reason4j.verifiers.math.AnswerExtractors;
import dev.reason4j.verifiers.math.BigRational;
import dev.reason4j.verifiers.math.ThinkBlocks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a Countdown answer: an arithmetic expression over the given numbers that must equal the
 * target exactly.
 *
 * <pre>{@code
 * CountdownVerifier countdown = new CountdownVerifier();
 * countdown.verify("<answer>8 / (3 - 8/3)</answer>", List.of(3, 3, 8, 8), 24);   // CORRECT: exact rationals
 * countdown.verify("<answer>(1 + 2 + 3) * 4 = 24</answer>", List.of(1, 2, 3, 4), 24);  // CORRECT
 * countdown.verify("<answer>4 * 3 * 2 * 1 * 1</answer>", List.of(1, 2, 3, 4), 24);  // WRONG_ANSWER: 1 used twice
 * }</pre>
 *
 * The expression is read from the last {@code <answer>…</answer>} after the last {@code </think>}
 * (every distinct one must be right), else from a {@code \boxed{}}, else from the last line that
 * holds a digit. It may hold only numbers, the allowed binary operators, parentheses and spaces
 * ({@code \times}, {@code \cdot}, {@code ×}, {@code ÷} are read as operators), and may end in
 * {@code = target}. Each use of a number consumes one copy of it from the given list; with
 * {@link NumberUse#EXACTLY_ONCE} every copy must be consumed. Division is exact in rationals, so a
 * non-integer intermediate is fine and a division by zero is wrong. Never throws; thread-safe.
 */
public final class CountdownVerifier {

    private static final Logger log = LoggerFactory.getLogger(CountdownVerifier.class);
    private static final Pattern CLAIMED_RESULT = Pattern.compile("^(.*?)=\\s*(-?\\d+)\\s*$", Pattern.DOTALL);
    private static final int MAX_DISTINCT_CANDIDATES = 64;
    private static final String ALLOWED_CHARS = "0123456789+-*/() ";

    private final CountdownConfig config;

    public CountdownVerifier() {
        this(CountdownConfig.defaults());
    }

    public CountdownVerifier(CountdownConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public Verdict verify(String response, List<Integer> numbers, int target) {
        try {
            return judge(response, numbers, target);
        } catch (RuntimeException e) {
            log.warn("countdown check failed inside the checker (numbers {}, target {})", numbers, target, e);
            return new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "the countdown checker failed: " + e);
        }
    }

    private Verdict judge(String response, List<Integer> numbers, int target) {
        if (numbers == null || numbers.isEmpty() || numbers.stream().anyMatch(n -> n == null || n < 0)) {
            return Verdict.wrong(Kind.NOT_APPLICABLE, "", "the puzzle needs a non-empty list of non-negative numbers, got " + numbers);
        }
        if (response == null || response.isBlank()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "the response is empty");
        }
        if (response.length() > config.maxResponseChars()) {
            return Verdict.wrong(Kind.LIMIT_EXCEEDED, "", "the response has " + response.length()
                    + " characters, above the cap of " + config.maxResponseChars());
        }
        Optional<String> gradable = ThinkBlocks.gradable(response);
        if (gradable.isEmpty()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "the response leaves a <think> block open, so nothing in it is graded");
        }
        List<String> candidates = candidates(gradable.get());
        if (candidates.isEmpty()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "no expression found (looked for <answer>, \\boxed{} and a last line with a number)");
        }
        if (candidates.size() > MAX_DISTINCT_CANDIDATES) {
            return Verdict.wrong(Kind.WRONG_ANSWER, candidates.get(0), "the response gives more than " + MAX_DISTINCT_CANDIDATES
                    + " different expressions");
        }
        for (String candidate : candidates) {
            Verdict v = judgeExpression(candidate, numbers, target);
            if (!v.correct()) {
                return candidates.size() == 1 ? v : Verdict.wrong(v.kind(), v.extracted(),
                        "the response gives " + candidates.size() + " different expressions and '" + v.extracted() + "' " + v.reason());
            }
        }
        return Verdict.correct(candidates.get(0), "uses the given numbers and equals " + target);
    }

    private static List<String> candidates(String text) {
        List<String> found = AnswerExtractors.answerTag().extract(text);
        if (found.isEmpty()) {
            found = AnswerExtractors.boxed().extract(text);
        }
        if (found.isEmpty()) {
            String[] lines = text.split("\n");
            for (int i = lines.length - 1; i >= 0 && found.isEmpty(); i--) {
                if (lines[i].chars().anyMatch(Character::isDigit)) {
                    found = List.of(lines[i]);
                }
            }
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String f : found) {
            if (!f.isBlank()) {
                distinct.add(f.strip());
            }
        }
        return new ArrayList<>(distinct);
    }

    private Verdict judgeExpression(String raw, List<Integer> numbers, int target) {
        if (raw.length() > config.maxExpressionChars()) {
            return Verdict.wrong(Kind.LIMIT_EXCEEDED, raw.substring(0, 100) + "...", "the expression has " + raw.length()
                    + " characters, above the cap of " + config.maxExpressionChars());
        }
        String expr = normalize(raw);
        Matcher claim = CLAIMED_RESULT.matcher(expr);
        if (claim.matches()) {
            if (!claim.group(2).equals(Integer.toString(target))) {
                return Verdict.wrong(Kind.WRONG_ANSWER, raw, "claims the result " + claim.group(2) + ", but the target is " + target);
            }
            expr = claim.group(1).strip();
        }
        for (char c : expr.toCharArray()) {
            if (ALLOWED_CHARS.indexOf(c) < 0) {
                return Verdict.wrong(Kind.WRONG_ANSWER, raw, "contains '" + c + "'; only numbers, + - * /, parentheses and spaces are allowed");
            }
        }
        CountdownExpression.Parsed parsed;
        try {
            parsed = CountdownExpression.parse(expr, config.operators(), config.maxNesting());
        } catch (CountdownExpression.Rejected e) {
            return Verdict.wrong(e.limit ? Kind.LIMIT_EXCEEDED : Kind.WRONG_ANSWER, raw, e.getMessage());
        }
        String misuse = misuse(parsed.numbers(), numbers);
        if (misuse != null) {
            return Verdict.wrong(Kind.WRONG_ANSWER, raw, misuse);
        }
        if (parsed.value() == null) {
            return Verdict.wrong(Kind.WRONG_ANSWER, raw, "divides by zero");
        }
        if (!parsed.value().equals(BigRational.of(target))) {
            return Verdict.wrong(Kind.WRONG_ANSWER, raw, "evaluates to " + parsed.value() + ", not " + target);
        }
        return Verdict.correct(raw, "uses the given numbers and equals " + target);
    }

    /** Null when the numbers used fit the given ones under the configured rule, else why not. */
    private String misuse(List<BigInteger> used, List<Integer> given) {
        Map<BigInteger, Integer> left = new HashMap<>();
        for (int n : given) {
            left.merge(BigInteger.valueOf(n), 1, Integer::sum);
        }
        for (BigInteger n : used) {
            Integer copies = left.get(n);
            if (copies == null) {
                return "uses " + n + ", which is not among the given numbers " + given;
            }
            if (copies == 0) {
                return "uses " + n + " more often than it is given in " + given;
            }
            left.put(n, copies - 1);
        }
        if (config.numberUse() == NumberUse.EXACTLY_ONCE) {
            for (Map.Entry<BigInteger, Integer> e : left.entrySet()) {
                if (e.getValue() > 0) {
                    return "does not use " + e.getKey() + ", and every given number must be used exactly once";
                }
            }
        }
        return null;
    }

    private static String normalize(String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && s.startsWith("$") && s.endsWith("$")) {
            s = s.replaceAll("^\\$+|\\$+$", "");
        }
        s = s.replace("\\left", "").replace("\\right", "").replace("\\times", "*").replace("\\cdot", "*").replace("\\div", "/")
                .replace("×", "*").replace("·", "*").replace("÷", "/").replace("−", "-").replace("–", "-");
        s = s.replaceAll("\\s+", " ").strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
