package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random inputs: the checker never throws, never blames itself, and accepts any usable reference written back verbatim. */
class RobustnessTest {

    private static final String[] TOKENS = {
        "\\frac", "{", "}", "(", ")", "[", "]", "\\{", "\\}", "1", "2", "0", "x", "y", "e", "i", "\\pi", "^", "_", "+", "-",
        "*", "/", "!", "|", ",", "=", "<", "\\le", "\\sqrt", "\\sin", "\\ln", "\\log", "\\binom", "\\cdot", " ", "\\infty",
        "\\cup", "\\pm", ".", "3.5", "\\text{", "ab", "\\left(", "\\right)", "\\lfloor", "\\rfloor", "\\in", "&", "\\\\",
        "\\begin{pmatrix}", "\\end{pmatrix}", "%", "$", "^{", "\\circ", "\\boxed{", "</think>", "<think>", "####", "**",
        "\\,", "e3", "(B)", "or"};

    private final MathVerifier math = new MathVerifier();

    @Test
    @Timeout(60)
    void randomTokenSoupNeverThrowsAndNeverBlamesTheChecker() {
        Random random = new Random(20_240_917);
        for (int k = 0; k < 20_000; k++) {
            String gold = soup(random);
            String response = random.nextBoolean() ? "\\boxed{" + soup(random) + "}" : soup(random);
            Verdict v = math.verify(response, gold);
            assertNotEquals(Kind.INFRASTRUCTURE_FAILURE, v.kind(), () -> response + " vs " + gold + ": " + v.reason());
            math.equivalent(gold, response);
            math.canonicalAnswer(response);
        }
    }

    @Test
    @Timeout(60)
    void anyUsableReferenceWrittenBackInABoxIsCorrect() {
        Random random = new Random(7);
        int usable = 0;
        for (int k = 0; k < 5_000; k++) {
            String gold = expression(random, 4);
            Verdict v = math.verify("\\boxed{" + gold + "}", gold);
            if (v.kind() != Kind.NOT_APPLICABLE) {
                usable++;
                assertEquals(Kind.CORRECT, v.kind(), () -> gold + ": " + v.reason());
            }
        }
        assertEquals(true, usable > 2_500, "only " + usable + " usable references");
    }

    /** A response near the length cap made of one unit repeated: extraction must stay linear and bounded in memory. */
    @ParameterizedTest(name = "{0} repeated")
    @ValueSource(strings = {"####", "<answer>", "answer is ", "final answer is x ", "**a**", "\\boxed{", "\\boxed{1}",
        "<think></think>", "$", "{", "\\frac{", "(", "the answer is 5. "})
    @Timeout(10)
    void aLongRepetitiveResponseGetsAVerdictNotAHangOrACrash(String unit) {
        String response = unit.repeat(250_000 / unit.length());
        Verdict v = math.verify(response, "5");
        assertNotEquals(Kind.INFRASTRUCTURE_FAILURE, v.kind(), v::reason);
        if (!unit.contains("5")) {
            assertNotEquals(Kind.CORRECT, v.kind(), v::reason);
        }
    }

    private static String soup(Random random) {
        StringBuilder s = new StringBuilder();
        for (int j = 1 + random.nextInt(14); j > 0; j--) {
            s.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return s.toString();
    }

    private static String expression(Random r, int depth) {
        String[] atoms = {"x", "y", "2", "3", "0", "1", "\\pi", "e", "i", "0.5", "10", "n", "-1", "\\infty"};
        if (depth <= 0 || r.nextInt(4) == 0) {
            return atoms[r.nextInt(atoms.length)];
        }
        String a = expression(r, depth - 1);
        String b = expression(r, depth - 1);
        String[] forms = {a + "+" + b, a + "-" + b, a + "\\cdot " + b, "\\frac{" + a + "}{" + b + "}", "(" + a + ")^{" + b + "}",
            "\\sqrt{" + a + "}", "\\sin(" + a + ")", "\\ln(" + a + ")", "|" + a + "|", "\\binom{" + a + "}{" + b + "}", "(" + a + ")!",
            "(" + a + ", " + b + ")", a + " \\le " + b, "\\{" + a + ", " + b + "\\}", "\\log_{" + a + "}" + b, "-" + a};
        return forms[r.nextInt(forms.length)];
    }
}
