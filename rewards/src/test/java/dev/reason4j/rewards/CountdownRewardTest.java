package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountdownRewardTest {
    private static Problem puzzle(Object numbers, Object target) {
        return Problem.math("cd", Prompt.text("Reach the target."), String.valueOf(target), Map.of("numbers", numbers, "target", target));
    }

    private final CountdownReward exactlyOnce = new CountdownReward();
    private final RewardFunction atMostOnce = RewardRegistry.load().create("countdown", Map.of("number_use", "at_most_once"));

    @Test
    void expressionUsingEveryNumberOnceAndHittingTheTargetEarnsOne() {
        // (1 + 2 + 3) * 4 = 6 * 4 = 24
        assertEquals(1.0, exactlyOnce.score(puzzle(List.of(1, 2, 3, 4), 24), completion("<think>ok</think>\n<answer>(1 + 2 + 3) * 4</answer>")));
    }

    @Test
    void wrongValueOrReusedNumberEarnsZero() {
        Problem p = puzzle(List.of(1, 2, 3, 4), 24);
        // 1 + 2 + 3 + 4 = 10, not 24
        assertEquals(0.0, exactlyOnce.score(p, completion("<answer>1 + 2 + 3 + 4</answer>")));
        // 4 * 3 * 2 * 1 * 1 = 24 but uses 1 twice
        assertEquals(0.0, exactlyOnce.score(p, completion("<answer>4 * 3 * 2 * 1 * 1</answer>")));
    }

    @Test
    void numberUseRuleIsAParameter() {
        // 4 * 3 * 2 = 24 leaves 1 unused: wrong under TinyZero's exactly-once, right under the game's at-most-once.
        Problem p = puzzle(List.of(1, 2, 3, 4), 24);
        assertEquals(0.0, exactlyOnce.score(p, completion("<answer>4 * 3 * 2</answer>")));
        assertEquals(1.0, ((CompletionReward) atMostOnce).score(p, completion("<answer>4 * 3 * 2</answer>")));
    }

    @Test
    void metadataMayComeFromAJsonLoaderAsLongsAndStrings() {
        // 8 / (3 - 8/3) = 8 / (1/3) = 24, exactly
        assertEquals(1.0, exactlyOnce.score(puzzle(List.of(3L, 3L, 8L, 8L), "24"), completion("<answer>8 / (3 - 8/3)</answer>")));
    }

    @Test
    void problemWithoutNumbersOrTargetIsNaN() {
        assertTrue(Double.isNaN(exactlyOnce.score(Fixtures.math("24"), completion("<answer>24</answer>"))));
        assertTrue(Double.isNaN(exactlyOnce.score(puzzle(List.of(1.5, 2), 3), completion("<answer>1 + 2</answer>"))));
    }

    @Test
    void failureValueIsTheIncorrectValue() {
        assertEquals(0.0, exactlyOnce.failureValue(puzzle(List.of(1, 2), 3), completion("")));
    }
}
