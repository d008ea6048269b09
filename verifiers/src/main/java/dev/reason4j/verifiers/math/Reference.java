package dev.reason4j.verifiers.math;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference answer read once per check: its parse, or the reason it cannot be used. A reference
 * may be a bare answer, or a solution holding a {@code \boxed{}} (the last one counts) or a GSM8K
 * {@code ####} line. A reference that is empty, does not parse, or has no value ({@code 1/0}) is
 * unusable: the check is then "not applicable", never "correct".
 */
final class Reference {

    private final MathAnswer answer;
    private final String normalized;
    private final String problem;

    private Reference(MathAnswer answer, String normalized, String problem) {
        this.answer = answer;
        this.normalized = normalized;
        this.problem = problem;
    }

    /** Throws {@link LimitExceededException} when the reference itself hits a cap. */
    static Reference read(String gold, Budget budget) {
        if (gold == null || gold.isBlank()) {
            return unusable("the reference answer is empty");
        }
        String g = gold;
        if (g.contains("\\boxed") || g.contains("\\fbox")) {
            List<String> boxed = AnswerExtractors.boxedContents(g);
            if (boxed.isEmpty()) {
                return unusable("the reference has an unclosed \\boxed{");
            }
            g = boxed.get(boxed.size() - 1);
        } else if (g.contains("####")) {
            g = g.substring(g.lastIndexOf("####") + 4);
        }
        if (g.length() > budget.config().maxAnswerChars()) {
            return unusable("the reference answer has " + g.length() + " characters, above the cap of " + budget.config().maxAnswerChars());
        }
        String normalized = LatexNormalizer.normalize(g);
        if (normalized.isEmpty()) {
            return unusable("the reference answer '" + MathVerifier.abbreviate(gold) + "' is empty once normalized");
        }
        MathAnswer parsed = ChoiceAnswers.gold(normalized).map(MathAnswer.class::cast).orElse(null);
        if (parsed == null) {
            try {
                parsed = AnswerParser.parse(normalized, budget);
            } catch (AnswerParseException e) {
                return unusable("the reference answer '" + MathVerifier.abbreviate(g) + "' does not parse: " + e.getMessage());
            }
        }
        if (hasUndefined(parsed) || !new ScalarEquivalence(budget).allHaveValues(scalars(parsed))) {
            return unusable("the reference answer '" + MathVerifier.abbreviate(g) + "' has no value");
        }
        return new Reference(parsed, normalized, null);
    }

    private static Reference unusable(String problem) {
        return new Reference(null, null, problem);
    }

    boolean usable() {
        return problem == null;
    }

    String problem() {
        return problem;
    }

    MathAnswer answer() {
        return answer;
    }

    boolean accepts(String candidate, Budget budget) {
        return judge(candidate, budget) == null;
    }

    /** Null when {@code candidate} is equivalent; otherwise the end of a sentence saying why not. */
    String judge(String candidate, Budget budget) {
        String norm = LatexNormalizer.normalize(candidate);
        if (answer instanceof MathAnswer.Choice choice) {
            try {
                MathAnswer.Choice given = ChoiceAnswers.parse(norm);
                return given.letter() == choice.letter() ? null : "is choice (" + given.letter() + "), not (" + choice.letter() + ")";
            } catch (AnswerParseException e) {
                return "does not name a single choice letter";
            }
        }
        if (norm.equals(normalized)) {
            return null; // the same answer, written the same way
        }
        MathAnswer parsed;
        try {
            parsed = AnswerParser.parse(norm, budget);
        } catch (AnswerParseException e) {
            return "cannot be read as an answer (" + e.getMessage() + ")";
        }
        if (answer instanceof MathAnswer.Text || parsed instanceof MathAnswer.Text) {
            boolean same = MathAnswer.Text.normalized(normalized).equals(MathAnswer.Text.normalized(norm));
            return same ? null : "does not match the reference text '" + MathVerifier.abbreviate(normalized) + "'";
        }
        return new Equivalence(budget).equivalent(answer, parsed)
                ? null
                : "is not equivalent to the reference '" + MathVerifier.abbreviate(normalized) + "'";
    }

    private static List<MathAnswer.Scalar> scalars(MathAnswer a) {
        List<MathAnswer.Scalar> out = new ArrayList<>();
        collectScalars(a, out);
        return out;
    }

    private static void collectScalars(MathAnswer a, List<MathAnswer.Scalar> out) {
        if (a instanceof MathAnswer.Scalar s) {
            out.add(s);
        } else if (a instanceof MathAnswer.Bracketed b) {
            b.items().forEach(i -> collectScalars(i, out));
        } else if (a instanceof MathAnswer.SetOf set) {
            set.items().forEach(i -> collectScalars(i, out));
        } else if (a instanceof MathAnswer.Union u) {
            u.parts().forEach(i -> collectScalars(i, out));
        } else if (a instanceof MathAnswer.Matrix m) {
            m.rows().forEach(r -> r.forEach(i -> collectScalars(i, out)));
        } else if (a instanceof MathAnswer.Relation r) {
            collectScalars(r.lhs(), out);
            collectScalars(r.rhs(), out);
        }
    }

    private static boolean hasUndefined(MathAnswer a) {
        if (a instanceof MathAnswer.Scalar s) {
            return s.undefined();
        }
        if (a instanceof MathAnswer.Bracketed b) {
            return b.items().stream().anyMatch(Reference::hasUndefined);
        }
        if (a instanceof MathAnswer.SetOf s) {
            return s.items().stream().anyMatch(Reference::hasUndefined);
        }
        if (a instanceof MathAnswer.Union u) {
            return u.parts().stream().anyMatch(Reference::hasUndefined);
        }
        if (a instanceof MathAnswer.Matrix m) {
            return m.rows().stream().flatMap(List::stream).anyMatch(Reference::hasUndefined);
        }
        if (a instanceof MathAnswer.Relation r) {
            return hasUndefined(r.lhs()) || hasUndefined(r.rhs());
        }
        return false;
    }
}
