package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.math.MathCaseTable.Case;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathVerifierApiTest {

    private final MathVerifier math = new MathVerifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            \\dfrac{1}{2}   | 0.5            | true
            2,500,000       | 2500000        | true
            x^2-1           | (x-1)(x+1)     | true
            (1,2)           | (2,1)          | false
            123456          | 123457         | false
            \\frac{1}{      | \\frac{1}{     | false
            2^{2^{2^{40}}}  | 2^{2^{2^{40}}} | false
            """)
    void equivalentComparesTwoAnswersAndIsFalseForUnreadableOnes(String a, String b, boolean expected) {
        assertEquals(expected, math.equivalent(a, b));
    }

    @Test
    void canonicalAnswerGivesOneKeyForEquivalentRationals() {
        assertEquals(Optional.of("1/2"), math.canonicalAnswer("so \\boxed{\\dfrac{1}{2}}"));
        assertEquals(Optional.of("1/2"), math.canonicalAnswer("The answer is 0.5."));
        assertEquals(Optional.of("{1,2}"), math.canonicalAnswer("\\boxed{\\{2, 1\\}}"));
        assertEquals(Optional.of("5"), math.canonicalAnswer("\\boxed{x = 5}"));
    }

    @Test
    void extractAnswerRefusesHedgesAndOpenThinkBlocks() {
        assertEquals(Optional.of("\\frac12"), math.extractAnswer("\\boxed{\\frac12} or equivalently \\boxed{0.5}"));
        assertEquals(Optional.empty(), math.extractAnswer("\\boxed{3} or \\boxed{4}"));
        assertEquals(Optional.empty(), math.extractAnswer("<think>\\boxed{3}"));
        assertEquals(Optional.empty(), math.extractAnswer(null));
        assertEquals(Optional.empty(), math.canonicalAnswer("no answer in this long response at all, just words and more words here"));
    }

    @Test
    void answerGroupsPutEquivalentAnswersTogetherLargestFirst() {
        List<String> responses = List.of("\\boxed{0.5}", "\\boxed{7}", "\\boxed{\\frac{1}{2}}", "nothing to see here, no answer given in any form at all",
                "\\boxed{1/2}", "\\boxed{3} \\boxed{4}", "\\boxed{7.0}");
        assertEquals(List.of(List.of(0, 2, 4), List.of(1, 6)), AnswerGroups.group(math, responses));
    }

    @Test
    void nullAndEmptyInputsGiveVerdictsNotExceptions() {
        assertEquals(Kind.NOT_APPLICABLE, math.verify("\\boxed{5}", null).kind());
        assertEquals(Kind.NO_ANSWER, math.verify(null, "5").kind());
        assertEquals(Kind.NO_ANSWER, math.verify("", "5").kind());
        assertEquals(Kind.NOT_APPLICABLE, math.verify(null, null).kind());
    }

    @Test
    void aGoldThatDoesNotParseIsNeverCorrectAndNotJudged() {
        Verdict v = math.verify("\\boxed{\\foo{3}}", "\\foo{3}");
        assertEquals(Kind.NOT_APPLICABLE, v.kind());
        assertFalse(v.judged());
        assertTrue(v.reason().contains("does not parse"), v.reason());
    }

    @Test
    @Timeout(10)
    void aCheckPastItsTimeLimitIsLimitExceededAndScoresZero() {
        MathVerifier hurried = new MathVerifier(MathVerifierConfig.defaults().withTimeLimit(Duration.ofNanos(1)));
        Verdict v = hurried.verify("\\boxed{\\binom{1000}{500}}", "3");
        assertEquals(Kind.LIMIT_EXCEEDED, v.kind());
        assertEquals(0.0, v.score());
        assertTrue(v.reason().contains("time limit"), v.reason());
    }

    @Test
    @Timeout(10)
    void aLimitExceededVerdictSaysWhichCap() {
        assertTrue(math.verify("\\boxed{2^{2^{2^{40}}}}", "4").reason().contains("exponent"));
        assertTrue(math.verify("\\boxed{" + "(".repeat(300) + "1" + ")".repeat(300) + "}", "1").reason().contains("nests deeper"));
        assertTrue(math.verify("a".repeat(1 << 20) + "\\boxed{5}", "5").reason().contains("characters"));
    }

    @Test
    @Timeout(10)
    void tenThousandDeepNestingHitsTheNestingCapNotTheStackEvenWithoutALengthCap() {
        MathVerifierConfig d = MathVerifierConfig.defaults();
        MathVerifier roomy = new MathVerifier(new MathVerifierConfig(d.extractors(), d.relativeTolerance(), d.minSignificantDigits(),
                d.symbolicTolerance(), d.samplePoints(), d.seed(), d.timeLimit(), d.maxResponseChars(), 1_000_000, d.maxNesting(),
                d.maxExponent(), d.maxResultBits(), d.maxFactorial()));
        for (String deep : new String[] {"(".repeat(10_000) + "1" + ")".repeat(10_000), "-".repeat(10_000) + "1",
            "\\frac{1}{".repeat(10_000) + "1" + "}".repeat(10_000), "2" + "^2".repeat(10_000), "\\{".repeat(10_000) + "1" + "\\}".repeat(10_000)}) {
            Verdict v = roomy.verify("\\boxed{" + deep + "}", "1");
            assertEquals(Kind.LIMIT_EXCEEDED, v.kind(), v::reason);
            assertTrue(v.reason().contains("nests deeper"), v.reason());
        }
    }

    @Test
    @Timeout(60)
    void concurrentChecksGiveTheSameVerdictsAsSequentialOnes() {
        List<Case> cases = MathCaseTable.all().stream().filter(c -> c.response().length() < 10_000).collect(Collectors.toList());
        List<Kind> sequential = cases.stream().map(c -> math.verify(c.response(), c.gold()).kind()).collect(Collectors.toList());
        List<Kind> parallel = cases.parallelStream().map(c -> math.verify(c.response(), c.gold()).kind()).collect(Collectors.toList());
        assertEquals(sequential, parallel);
    }

    @Test
    void theSeedFixesTheSamplePointsButNotTheVerdicts() {
        MathVerifier other = new MathVerifier(MathVerifierConfig.defaults().withSeed(7));
        for (String[] pair : new String[][] {{"\\sin 2x", "2\\sin x\\cos x"}, {"|x|", "x"}, {"\\ln(xy)", "\\ln x+\\ln y"}}) {
            assertEquals(math.equivalent(pair[0], pair[1]), other.equivalent(pair[0], pair[1]), pair[0]);
        }
    }

    @Test
    void configRefusesUnusableValuesNamingTheField() {
        MathVerifierConfig d = MathVerifierConfig.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withExtractors(List.of())).getMessage().contains("extractors"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withTimeLimit(Duration.ZERO)).getMessage().contains("timeLimit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withRelativeTolerance(0.5)).getMessage().contains("relativeTolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withMaxResponseChars(0)).getMessage().contains("maxResponseChars"));
    }

    @Test
    void relativeToleranceAppliesOnlyToDecimalApproximationsOfIrrationals() {
        MathVerifier loose = new MathVerifier(MathVerifierConfig.defaults().withRelativeTolerance(0.01));
        assertEquals(Kind.CORRECT, loose.verify("\\boxed{3.13}", "\\pi").kind());
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{3.13}", "\\pi").kind());
        assertEquals(Kind.WRONG_ANSWER, loose.verify("\\boxed{0.3333}", "\\frac{1}{3}").kind(), "exact values get no tolerance");
        assertEquals(Kind.WRONG_ANSWER, loose.verify("\\boxed{100}", "101").kind(), "exact values get no tolerance");
    }

    @Test
    void irrationalConstantsAreComparedBeyondDoublePrecision() {
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{2^{50}\\sqrt{2} + 1}", "2^{50}\\sqrt{2}").kind());
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{e^{e^{\\pi}} + \\frac{1}{7}}", "e^{e^{\\pi}}").kind());
        assertEquals(Kind.CORRECT, math.verify("\\boxed{2^{50}\\sqrt{8}}", "2^{51}\\sqrt{2}").kind());
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{e^{2e^5} - 1}", "e^{2e^5}").kind(), "about 10^129");
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{e^{\\pi^6} + \\frac{1}{7}}", "e^{\\pi^6}").kind(), "past double range");
        assertEquals(Kind.CORRECT, math.verify("\\boxed{e^{1000} - e^{1000} + 1}", "1").kind(), "cancellation");
        assertEquals(Kind.WRONG_ANSWER, math.verify("\\boxed{e^{e^{x+3}} - x}", "e^{e^{x+3}}").kind(), "with a variable");
    }
}
