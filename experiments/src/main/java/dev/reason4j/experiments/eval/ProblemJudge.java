package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.code.CallTest;
import dev.reason4j.verifiers.code.CodeCheck;
import dev.reason4j.verifiers.code.CodeVerifier;
import dev.reason4j.verifiers.code.CodeVerifierConfig;
import dev.reason4j.verifiers.code.StdioTest;
import dev.reason4j.verifiers.countdown.CountdownVerifier;
import dev.reason4j.verifiers.math.MathVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Judges a response with the verifier its problem calls for ({@link ProblemKind#of}): the math
 * verifier against the reference answer, the Countdown verifier against metadata {@code numbers}
 * and {@code target}, or the code verifier against the problem's tests. Also reads the answer the
 * response commits to and checks its layout.
 *
 * <p>The code verifier is created on first use (it probes for a sandbox), so math-only evaluations
 * never start one; without a sandbox its verdicts are infrastructure failures. Thread-safe; closing
 * it stops the code verifier.
 */
public final class ProblemJudge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MathVerifier math;
    private final CountdownVerifier countdown;
    private final Supplier<CodeVerifier> codeFactory;
    private CodeVerifier code;

    /** Default verifiers; code runs in a probed sandbox or is refused (never unsandboxed). */
    public ProblemJudge() {
        this(new MathVerifier(), new CountdownVerifier(), () -> CodeVerifier.createOrRefusing(CodeVerifierConfig.defaults()));
    }

    /** @param codeFactory called at most once, on the first code problem; the judge closes what it returns */
    public ProblemJudge(MathVerifier math, CountdownVerifier countdown, Supplier<CodeVerifier> codeFactory) {
        this.math = Objects.requireNonNull(math, "math");
        this.countdown = Objects.requireNonNull(countdown, "countdown");
        this.codeFactory = Objects.requireNonNull(codeFactory, "codeFactory");
    }

    /**
     * @param promptText the prompt as the model saw it ("" when unknown): if it opens {@code <think>},
     *                   the completion is read as continuing that block (see {@link ResponseFormat})
     * @param completion what the model wrote after the prompt
     */
    public Judgement judge(Problem problem, String promptText, String completion) {
        String response = ResponseFormat.asWritten(promptText, completion == null ? "" : completion);
        boolean r1 = ResponseFormat.isR1Layout(response);
        ProblemKind kind = ProblemKind.of(problem);
        return switch (kind) {
            case MATH -> new Judgement(kind, math.verify(response, problem.answer()), math.extractAnswer(response).orElse(""), r1);
            case COUNTDOWN -> judgeCountdown(problem, response, r1);
            case CODE -> judgeCode(problem, response, r1);
        };
    }

    /**
     * Whether two judged responses to {@code problem} give the same answer, for maj@k. Math: the
     * verifier's equivalence of the extracted answers. Countdown and code, where many different
     * expressions or programs are equally right: every correct response is the same answer, and
     * wrong ones agree only when their expressions or programs match up to whitespace.
     */
    public boolean sameAnswer(Problem problem, Judgement first, Judgement other) {
        if (!first.answerFound() || !other.answerFound()) {
            return false;
        }
        if (ProblemKind.of(problem) == ProblemKind.MATH) {
            return math.equivalent(first.answer(), other.answer());
        }
        if (first.correct() || other.correct()) {
            return first.correct() && other.correct();
        }
        return first.answer().replaceAll("\\s+", "").equals(other.answer().replaceAll("\\s+", ""));
    }

    /** What a response is checked against, for reports: the answer, else a count of the code tests. */
    public static String reference(Problem problem) {
        return problem.answer() != null ? problem.answer() : problem.tests().size() + " code tests";
    }

    @Override
    public synchronized void close() {
        if (code != null) {
            code.close();
            code = null;
        }
    }

    private Judgement judgeCountdown(Problem problem, String response, boolean r1) {
        CountdownPuzzle puzzle;
        try {
            puzzle = CountdownPuzzle.fromMetadata(problem.metadata());
        } catch (IllegalArgumentException e) {
            return new Judgement(ProblemKind.COUNTDOWN, Verdict.wrong(Kind.NOT_APPLICABLE, "", e.getMessage()), "", r1);
        }
        Verdict verdict = countdown.verify(response, puzzle.numbers(), puzzle.target());
        return new Judgement(ProblemKind.COUNTDOWN, verdict, verdict.extracted(), r1);
    }

    private Judgement judgeCode(Problem problem, String response, boolean r1) {
        CodeCheck check;
        try {
            check = codeCheck(problem, response);
        } catch (IllegalArgumentException e) {
            return new Judgement(ProblemKind.CODE, Verdict.wrong(Kind.NOT_APPLICABLE, "", e.getMessage()), "", r1);
        }
        Verdict verdict = codeVerifier().verify(check);
        return new Judgement(ProblemKind.CODE, verdict, verdict.extracted(), r1);
    }

    private synchronized CodeVerifier codeVerifier() {
        if (code == null) {
            code = codeFactory.get();
        }
        return code;
    }

    private static CodeCheck codeCheck(Problem problem, String response) {
        if (problem.functionName() == null) {
            List<StdioTest> tests = new ArrayList<>();
            for (CodeTest t : problem.tests()) {
                tests.add(new StdioTest(t.stdin(), t.expectedStdout()));
            }
            return CodeCheck.stdio(response, tests);
        }
        List<CallTest> tests = new ArrayList<>();
        for (CodeTest t : problem.tests()) {
            tests.add(new CallTest(readJson(t.argsJson(), List.class), readJson(t.expectedJson(), Object.class)));
        }
        return CodeCheck.callBased(response, problem.functionName(), tests);
    }

    @SuppressWarnings("unchecked")
    private static <T> T readJson(String json, Class<?> type) {
        try {
            return (T) JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a code test holds invalid JSON (" + abbreviate(json) + "): " + e.getOriginalMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A Countdown puzzle read from problem metadata (numbers may be JSON numbers or numeric strings). */
    record CountdownPuzzle(List<Integer> numbers, int target) {
        static CountdownPuzzle fromMetadata(java.util.Map<String, Object> metadata) {
            if (!(metadata.get("numbers") instanceof List<?> raw) || raw.isEmpty()) {
                throw new IllegalArgumentException("Countdown metadata 'numbers' must be a non-empty list of integers, got "
                        + metadata.get("numbers"));
            }
            List<Integer> numbers = new ArrayList<>(raw.size());
            for (Object n : raw) {
                numbers.add(integer(n, "numbers"));
            }
            return new CountdownPuzzle(numbers, integer(metadata.get("target"), "target"));
        }

        private static int integer(Object value, String field) {
            try {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return Math.toIntExact(n.longValue());
                }
                if (value instanceof String s) {
                    return Integer.parseInt(s.strip());
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("Countdown metadata '" + field + "' must hold integers, got " + value);
        }
    }
}
