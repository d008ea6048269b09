package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Problem;
import dev.reason4j.datasets.synthetic.Generators;
import dev.reason4j.verifiers.math.MathVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The datasets generators' reference solutions, written as a model would write them, pass the
 * production extractor and rewards; with the answer changed they fail. Closes the datasets half's
 * "accepted by the production extractor and verifier" item (datasets cannot see verifiers).
 */
class GeneratedSolutionsTest {
    private static final int PROBLEMS = 1500;
    private final MathVerifier verifier = new MathVerifier();
    private final AccuracyReward accuracy = new AccuracyReward();
    private final CountdownReward countdown = new CountdownReward();
    private final FormatReward format = new FormatReward(true);

    /** After the R1-Zero prompt ({@code … Assistant: <think>}): the reasoning, {@code </think>}, the {@code <answer>} block. */
    static String asModelAfterR1Zero(String solution) {
        int answer = solution.lastIndexOf("\n<answer>");
        return "\n" + solution.substring(0, answer) + "\n</think>" + solution.substring(answer);
    }

    /** The solution with the {@code <answer>} block's content replaced. */
    static String withAnswer(String solution, String answer) {
        return solution.substring(0, solution.lastIndexOf("<answer>")) + "<answer>" + answer + "</answer>";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arithmetic", "linear", "number_theory"})
    void mathReferenceSolutionsAreAcceptedAndCorruptedOnesRejected(String generator) {
        for (Problem problem : Generators.named(generator).generate(PROBLEMS, 7)) {
            String solution = (String) problem.metadata().get("solution");
            String response = asModelAfterR1Zero(solution);
            assertEquals(problem.answer(), verifier.extractAnswer(response).orElse(null), response);
            assertEquals(1.0, accuracy.score(problem, completion(response)), response);
            assertEquals(1.0, accuracy.score(problem, completion(solution)), solution);
            assertEquals(1.0, format.score(problem, completion(response)), response);

            String wrong = Long.toString(Long.parseLong(problem.answer()) + 1);
            String corrupted = asModelAfterR1Zero(withAnswer(solution, wrong));
            assertEquals(0.0, accuracy.score(problem, completion(corrupted)), corrupted);
        }
    }

    @Test
    void countdownReferenceSolutionsAreAcceptedAndCorruptedOnesRejected() {
        int corruptedChecked = 0;
        for (Problem problem : Generators.named("countdown").generate(PROBLEMS, 7)) {
            String solution = (String) problem.metadata().get("solution");
            String response = asModelAfterR1Zero(solution);
            assertEquals(1.0, countdown.score(problem, completion(response)), response);
            assertEquals(1.0, countdown.score(problem, completion(solution)), solution);
            assertEquals(1.0, format.score(problem, completion(response)), response);

            String expression = (String) problem.metadata().get("solution_expression");
            int target = (Integer) problem.metadata().get("target");
            String changed = ExactExpression.changeValue(expression, target);
            if (changed != null) {
                String corrupted = asModelAfterR1Zero(withAnswer(solution, changed));
                assertEquals(0.0, countdown.score(problem, completion(corrupted)), corrupted);
                corruptedChecked++;
            }
            // the same expression claimed for another target is wrong too
            String claimed = asModelAfterR1Zero(withAnswer(solution, expression + " = " + (target + 1)));
            assertEquals(0.0, countdown.score(problem, completion(claimed)), claimed);
        }
        assertTrue(corruptedChecked > PROBLEMS * 9 / 10, "an operator flip changed the value in only " + corruptedChecked + " problems");
    }
}
