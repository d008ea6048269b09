package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

class ReasoningStepsRewardTest {
    private final ReasoningStepsReward steps = new ReasoningStepsReward(3);

    @Test
    void countsEachKindOfStepMarker() {
        assertEquals(2, ReasoningStepsReward.countSteps("Step 1: add. Step 2: multiply."));
        assertEquals(3, ReasoningStepsReward.countSteps("1. add\n2. multiply\n10. done"));   // numbered lines, any line
        assertEquals(2, ReasoningStepsReward.countSteps("Plan:\n- add\n* multiply"));        // bullets after a line break
        assertEquals(4, ReasoningStepsReward.countSteps("First, a. Second, b. Next, c. Finally, d."));
        assertEquals(0, ReasoningStepsReward.countSteps("step 1: lower case, 3.5 is not a list item, first without comma"));
    }

    @Test
    void valueIsCountOverThreeCappedAtOne() {
        // 0 markers -> 0/3; 1 -> 1/3; 2 -> 2/3; "Step 1: … Step 2: … Step 3: … Step 4:" -> min(1, 4/3) = 1
        assertEquals(0.0, steps.score(math("1"), completion("The answer is 1.")));
        assertEquals(1.0 / 3, steps.score(math("1"), completion("First, note it.")));
        assertEquals(2.0 / 3, steps.score(math("1"), completion("First, note it. Finally, answer.")));
        assertEquals(1.0, steps.score(math("1"), completion("Step 1: a\nStep 2: b\nStep 3: c\nStep 4: d")));
    }

    @Test
    void targetStepsIsAParameter() {
        // 2 markers with target 4 -> 2/4
        assertEquals(0.5, new ReasoningStepsReward(4).score(math("1"), completion("Step 1: a. Step 2: b.")));
        assertThrows(Reason4jException.class, () -> new ReasoningStepsReward(0));
    }
}
