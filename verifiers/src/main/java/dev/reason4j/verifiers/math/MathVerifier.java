package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a free-form response against a reference math answer.
 *
 * <pre>{@code
 * MathVerifier math = new MathVerifier();
 * math.verify("</think> so the answer is $\\boxed{\\dfrac{5}{6}}$", "5/6");   // CORRECT
 * math.verify("\\boxed{3} or maybe \\boxed{4}", "3");                      // WRONG_ANSWER: hedged
 * math.verify("\\boxed{2^{2^{2^{40}}}}", "4");                             // LIMIT_EXCEEDED
 * math.verify("\\boxed{5}", "\\frac{1}{");                                 // NOT_APPLICABLE
 * }</pre>
 *
 * <p>Steps: the reference is read first (unreadable → {@code NOT_APPLICABLE}, never
 * {@code CORRECT}); only the text after the last {@code </think>} is graded (an open
 * {@code <think>} → {@code NO_ANSWER}); the configured extractors are tried in order and the first
 * that finds anything supplies the candidates; every distinct candidate must be equivalent to the
 * reference (see {@link Equivalence} and {@link ScalarEquivalence}). A cap or the time limit →
 * {@code LIMIT_EXCEEDED} (wrong, score 0). {@code verify} never throws: a fault in the checker
 * itself is logged and reported as {@code INFRASTRUCTURE_FAILURE}.
 *
 * <p>Immutable and thread-safe: every check has its own {@link Budget}.
 */
public final class MathVerifier {

    private static final Logger log = LoggerFactory.getLogger(MathVerifier.class);

    private final MathVerifierConfig config;

    public MathVerifier() {
        this(MathVerifierConfig.defaults());
    }

    public MathVerifier(MathVerifierConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public MathVerifierConfig config() {
        return config;
    }

    /** The verdict on {@code response} given the reference {@code goldAnswer} (an answer, or a solution with a {@code \boxed{}} in it). */
    public Verdict verify(String response, String goldAnswer) {
        try {
            return judge(response, goldAnswer, Budget.start(config));
        } catch (LimitExceededException e) {
            return Verdict.wrong(Kind.LIMIT_EXCEEDED, "", e.getMessage());
        } catch (StackOverflowError e) {
            return Verdict.wrong(Kind.LIMIT_EXCEEDED, "", "the answer nests too deeply to read");
        } catch (RuntimeException | Error e) {
            // bounded by design (caps, linear extraction); reaching this is a bug in the checker
            log.error("math check failed inside the checker (response {} chars, reference '{}')",
                    response == null ? 0 : response.length(), abbreviate(goldAnswer), e);
            return new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "the math checker failed: " + e);
        }
    }

    /**
     * Whether two answers (not whole responses: {@code "\\frac12"}, {@code "0.5"}) are equivalent
     * under the same rules as {@link #verify}. False when either is unreadable or hits a cap; never
     * throws. Symmetric except for the multiple-choice reading, which applies when {@code a} is a letter.
     */
    public boolean equivalent(String a, String b) {
        try {
            Budget budget = Budget.start(config);
            Reference ref = Reference.read(a, budget);
            return ref.usable() && ref.accepts(b, budget);
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /**
     * The answer the response commits to, as written: the first candidate of the first extractor
     * that finds any, provided all its candidates are equivalent to each other. Empty when there is
     * none, when the response hedges between different answers, or on a cap.
     */
    public Optional<String> extractAnswer(String response) {
        try {
            Budget budget = Budget.start(config);
            List<String> candidates = candidates(response);
            if (candidates.isEmpty() || candidates.stream().anyMatch(c -> c.length() > config.maxAnswerChars())) {
                return Optional.empty();
            }
            Reference first = Reference.read(candidates.get(0), budget);
            for (String other : candidates.subList(1, candidates.size())) {
                if (!first.usable() || !first.accepts(other, budget)) {
                    return Optional.empty();
                }
            }
            return Optional.of(candidates.get(0));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * A canonical key for the extracted answer, for grouping answers (maj@k): equal keys mean
     * equivalent answers ({@code "\\dfrac{1}{2}"}, {@code "0.5"} and {@code "1/2"} all give
     * {@code "1/2"}; sets are sorted), but equivalent symbolic answers can still have different
     * keys ({@code "2(x+1)"} vs {@code "2x+2"}). For exact grouping merge keys with
     * {@link #equivalent}, as {@link AnswerGroups} does. Empty when {@link #extractAnswer} is.
     */
    public Optional<String> canonicalAnswer(String response) {
        return extractAnswer(response).flatMap(answer -> {
            try {
                Reference ref = Reference.read(answer, Budget.start(config));
                return ref.usable() ? Optional.of(ref.answer().key()) : Optional.empty();
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.empty();
            }
        });
    }

    private Verdict judge(String response, String goldAnswer, Budget budget) {
        Reference ref;
        try {
            ref = Reference.read(goldAnswer, budget);
        } catch (LimitExceededException e) {
            return Verdict.wrong(Kind.NOT_APPLICABLE, "", "the reference answer hits a checker cap: " + e.getMessage());
        }
        if (!ref.usable()) {
            return Verdict.wrong(Kind.NOT_APPLICABLE, "", ref.problem());
        }
        if (response == null || response.isBlank()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "the response is empty");
        }
        if (response.length() > config.maxResponseChars()) {
            return Verdict.wrong(Kind.LIMIT_EXCEEDED, "", "the response has " + response.length()
                    + " characters, above the cap of " + config.maxResponseChars());
        }
        if (ThinkBlocks.gradable(response).isEmpty()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "the response leaves a <think> block open, so nothing in it is graded");
        }
        List<String> candidates = candidates(response);
        if (candidates.isEmpty()) {
            return Verdict.wrong(Kind.NO_ANSWER, "", "no answer found (looked for: " + config.extractors().stream()
                    .map(AnswerExtractor::name).collect(Collectors.joining(", ")) + ")");
        }
        return judgeCandidates(candidates, ref, budget);
    }

    private Verdict judgeCandidates(List<String> candidates, Reference ref, Budget budget) {
        String extracted = abbreviate(String.join(" | ", candidates.subList(0, Math.min(candidates.size(), 8))));
        if (candidates.size() > AnswerExtractors.MAX_DISTINCT_CANDIDATES) {
            return Verdict.wrong(Kind.WRONG_ANSWER, extracted, "the response gives more than "
                    + AnswerExtractors.MAX_DISTINCT_CANDIDATES + " different answers");
        }
        for (String candidate : candidates) {
            if (candidate.length() > config.maxAnswerChars()) {
                return Verdict.wrong(Kind.LIMIT_EXCEEDED, abbreviate(candidate), "the extracted answer has "
                        + candidate.length() + " characters, above the cap of " + config.maxAnswerChars());
            }
            String problem = ref.judge(candidate, budget);
            if (problem != null) {
                String reason = candidates.size() > 1
                        ? "the response gives " + candidates.size() + " different answers and '" + abbreviate(candidate) + "' " + problem
                        : "'" + abbreviate(candidate) + "' " + problem;
                return Verdict.wrong(Kind.WRONG_ANSWER, extracted, reason);
            }
        }
        return Verdict.correct(extracted, candidates.size() > 1
                ? "all " + candidates.size() + " answers given are equivalent to the reference"
                : "equivalent to the reference");
    }

    /** The distinct candidates of the first extractor that finds any, in order; empty for an open {@code <think>}. */
    private List<String> candidates(String response) {
        if (response == null || response.length() > config.maxResponseChars()) {
            return List.of();
        }
        Optional<String> gradable = ThinkBlocks.gradable(response);
        if (gradable.isEmpty()) {
            return List.of();
        }
        for (AnswerExtractor extractor : config.extractors()) {
            List<String> found = extractor.extract(gradable.get());
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            for (String f : found) {
                if (!f.isBlank()) {
                    distinct.add(f.strip());
                }
            }
            if (!distinct.isEmpty()) {
                return new ArrayList<>(distinct);
            }
        }
        return List.of();
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 120 ? s : s.substring(0, 100) + "... (" + s.length() + " chars)";
    }
}
