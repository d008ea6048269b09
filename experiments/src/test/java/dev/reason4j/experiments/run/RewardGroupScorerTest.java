package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.grpo.train.GroupScorer;
import dev.reason4j.rewards.RewardSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter passes the rewards module's numbers through and derives correct/not-applicable as documented. */
class RewardGroupScorerTest {
    static Completion completion(String text) {
        return new Completion(new int[] {1}, new int[] {2}, text, new float[] {-1f}, FinishReason.STOP);
    }

    @Test
    void totalsComponentsAndCorrectnessOfARealRewardCombination() {
        Problem p = Problem.math("p", Prompt.text("2+2?"), "4", Map.of());
        Group g = new Group(p, List.of(completion("<think>2+2=4</think> <answer>4</answer>"),
                completion("hm <answer>5</answer>"), completion("4")));
        try (RewardGroupScorer scorer = RewardGroupScorer.create(List.of(RewardSpec.of("accuracy", 1.0), RewardSpec.of("format", 0.5)))) {
            GroupScorer.Scores s = scorer.score(List.of(g));
            assertArrayEquals(new double[] {1, 0, 0}, s.components().get("format")[0]);
            double[] accuracy = s.components().get("accuracy")[0];
            assertEquals(1.0, accuracy[0]);
            assertEquals(0.0, accuracy[1]);
            for (int i = 0; i < 3; i++) {
                assertEquals(accuracy[i] + 0.5 * s.components().get("format")[0][i], s.total()[0][i], 1e-12);
            }
            assertArrayEquals(new boolean[] {true, false, accuracy[2] == 1.0}, s.correct()[0]);
            assertEquals(0, s.notApplicable());
            assertEquals("accuracy", scorer.accuracyFrom());
        }
    }

    @Test
    void aProblemNoRewardCanJudgeCountsAsNotApplicable() {
        Problem countdownWithoutNumbers = Problem.math("c", Prompt.text("?"), "10", Map.of());
        Group g = new Group(countdownWithoutNumbers, List.of(completion("<answer>1+9</answer>"), completion("x")));
        try (RewardGroupScorer scorer = RewardGroupScorer.create(List.of(RewardSpec.of("countdown", 1.0)))) {
            GroupScorer.Scores s = scorer.score(List.of(g));
            assertEquals(2, s.notApplicable());
            assertArrayEquals(new boolean[] {false, false}, s.correct()[0]);
        }
    }
}
