package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorsTest {

    /** name | text ('⏎' is a newline) | candidates joined by ' ; ' ('-' for none). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            boxed        | a \\boxed{x^{2}+\\frac{1}{2}} b                  | x^{2}+\\frac{1}{2}
            boxed        | \\boxed{\\{1, 2\\}}                              | \\{1, 2\\}
            boxed        | \\boxed {3} then \\fbox{4}                       | 3 ; 4
            boxed        | \\boxed{\\boxed{5}}                              | 5
            boxed        | \\boxed{unclosed                                 | -
            boxed        | no box here                                      | -
            answer_tag   | <answer> 7 </answer>                             | 7
            answer_tag   | <answer>\\boxed{8}</answer> and <answer>9</answer> | 8 ; 9
            answer_tag   | <answer>open only                                | -
            gsm8k        | 24 clips⏎#### 72                                 | 72
            gsm8k        | #### $1,000                                      | $1,000
            final_answer | The final answer is $\\frac{1}{2}$. I hope       | $\\frac{1}{2}$
            final_answer | **Final Answer:** 42                             | 42
            final_answer | Final Answer⏎⏎ 17                                | 17
            final_answer | The final answer is 3.5.                         | 3.5
            the_answer_is| So the answer is 18 because 9 * 2 = 18.          | 18
            the_answer_is| The answer is 3 or 4, since both work            | 3 or 4
            the_answer_is| The answer is: (B) 42. Done                      | (B) 42
            the_answer_is| the answer is \\boxed{6}                          | 6
            bold         | **Step 1** ... **9**                             | 9
            bold         | nothing bold                                     | -
            bare         | 42                                               | 42
            bare         | ` (B) `                                          | (B)
            bare         | one⏎two                                          | -
            bare         | no solution                                      | no solution
            bare         | I am not sure about this one                     | -
            bare         | \\frac{\\sqrt{3}}{2}                             | \\frac{\\sqrt{3}}{2}
            """)
    void extractorsFindTheirCandidates(String name, String text, String expected) {
        List<String> found = AnswerExtractors.named(name.strip()).extract(text.strip().replace("⏎", "\n"));
        List<String> want = expected.strip().equals("-") ? List.of() : Arrays.asList(expected.strip().split(" ; "));
        assertEquals(want, found);
    }

    @Test
    void unknownExtractorNameIsRefusedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnswerExtractors.named("last_number"));
        assertTrue(e.getMessage().contains("boxed, answer_tag, gsm8k"), e.getMessage());
    }

    @Test
    void configuredOrderDecidesWhichExtractorWins() {
        String response = "<answer>4</answer> but \\boxed{5}";
        MathVerifier boxedFirst = new MathVerifier();
        MathVerifier tagFirst = new MathVerifier(MathVerifierConfig.defaults()
                .withExtractors(List.of(AnswerExtractors.answerTag(), AnswerExtractors.boxed())));
        assertEquals(Kind.CORRECT, boxedFirst.verify(response, "5").kind());
        assertEquals(Kind.CORRECT, tagFirst.verify(response, "4").kind());
        assertEquals(Kind.WRONG_ANSWER, tagFirst.verify(response, "5").kind());
    }

    @Test
    void anExtractorLeftOutOfTheConfigIsNotUsed() {
        MathVerifier boxedOnly = new MathVerifier(MathVerifierConfig.defaults().withExtractors(List.of(AnswerExtractors.boxed())));
        assertEquals(Kind.NO_ANSWER, boxedOnly.verify("The answer is 5.", "5").kind());
        assertEquals(Kind.CORRECT, new MathVerifier().verify("The answer is 5.", "5").kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain text, no tags               | plain text, no tags
            draft</think>final                | final
            <think>a</think>b<think>c</think>d | d
            </think>x<think>open              | -
            <think>never closed               | -
            """)
    void onlyTextAfterTheLastClosedThinkIsGraded(String response, String expected) {
        Optional<String> gradable = ThinkBlocks.gradable(response);
        assertEquals(expected.equals("-") ? Optional.empty() : Optional.of(expected), gradable);
    }
}
