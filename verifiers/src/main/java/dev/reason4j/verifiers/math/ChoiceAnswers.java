package dev.reason4j.verifiers.math;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multiple choice. A reference that is a lone capital letter A–J ({@code B}, {@code (B)}) makes
 * the check a choice check. A response then names one letter: {@code B}, {@code (B)}, {@code B.},
 * {@code B)}, {@code [B]}, {@code Option B}, {@code (B) 42}. Naming a second letter anywhere
 * ({@code B or C}, {@code (B) and (D)}, {@code BC}) is a hedge and is refused.
 */
final class ChoiceAnswers {

    private static final Pattern GOLD = Pattern.compile("\\(?([A-J])\\)?");
    private static final Pattern PREFIX = Pattern.compile("^(?i)(?:option|choice|answer)\\s*:?\\s*");
    private static final Pattern RESPONSE = Pattern.compile("[(\\[]?([A-Ja-j])(?:[)\\]]|(?=[.:]|\\s|$))[.:]?(.*)", Pattern.DOTALL);
    private static final Pattern OTHER_LETTER = Pattern.compile("(?<![A-Za-z])[A-J](?![A-Za-z])");

    private ChoiceAnswers() {
    }

    static Optional<MathAnswer.Choice> gold(String normalizedGold) {
        Matcher m = GOLD.matcher(normalizedGold);
        return m.matches() ? Optional.of(new MathAnswer.Choice(m.group(1).charAt(0))) : Optional.empty();
    }

    static MathAnswer.Choice parse(String normalizedResponse) {
        String s = PREFIX.matcher(normalizedResponse.strip()).replaceFirst("");
        Matcher m = RESPONSE.matcher(s);
        if (!m.matches()) {
            throw new AnswerParseException("'" + normalizedResponse + "' does not name one choice letter");
        }
        if (OTHER_LETTER.matcher(m.group(2)).find() || m.group(2).toLowerCase(Locale.ROOT).matches("(?s).*\\b(or|and)\\b.*")) {
            throw new AnswerParseException("'" + normalizedResponse + "' names more than one choice");
        }
        return new MathAnswer.Choice(Character.toUpperCase(m.group(1).charAt(0)));
    }
}
