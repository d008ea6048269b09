package dev.reason4j.datasets;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitsTest {
    private static Problem problem(String id, String question) {
        return Problem.math(id, Prompt.text(question), "1", Map.of());
    }

    private static List<Problem> distinct(int count) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            problems.add(problem("p" + i, "What is " + i + " plus one?"));
        }
        return problems;
    }

    private static List<String> ids(List<Problem> problems) {
        return problems.stream().map(Problem::id).toList();
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedADifferentOne() {
        List<Problem> problems = distinct(200);
        Split first = Splits.split(problems, HeldOut.fraction(0.1), 7);
        Split again = Splits.split(problems, HeldOut.fraction(0.1), 7);
        Split other = Splits.split(problems, HeldOut.fraction(0.1), 8);
        assertEquals(ids(first.train()), ids(again.train()));
        assertEquals(ids(first.heldOut()), ids(again.heldOut()));
        assertNotEquals(ids(first.heldOut()), ids(other.heldOut()));
        assertEquals(20, first.heldOut().size());
        assertEquals(180, first.train().size());
        assertEquals(0, first.droppedFromTrain());
        Set<String> all = new HashSet<>(ids(first.train()));
        all.addAll(ids(first.heldOut()));
        assertEquals(200, all.size());
    }

    @Test
    void shuffleIsAPermutationFixedBySeed() {
        List<Problem> problems = distinct(50);
        List<Problem> shuffled = Splits.shuffled(problems, 3);
        assertEquals(ids(shuffled), ids(Splits.shuffled(problems, 3)));
        assertNotEquals(ids(problems), ids(shuffled));
        assertEquals(Set.copyOf(ids(problems)), Set.copyOf(ids(shuffled)));
    }

    @Test
    void plantedDuplicatesAreDroppedFromTrainingNeverFromHeldOut() {
        List<Problem> problems = new ArrayList<>(distinct(100));
        // 10 variants of 5 questions: case, spacing and end punctuation differ, the words do not.
        for (int i = 0; i < 5; i++) {
            problems.add(problem("dupA" + i, "  WHAT is " + i + "   plus ONE"));
            problems.add(problem("dupB" + i, "what is " + i + " plus one?!"));
        }
        Split split = Splits.split(problems, HeldOut.count(30), 11);
        Set<String> heldOut = split.heldOut().stream().map(Splits::normalizedPrompt).collect(Collectors.toSet());
        assertTrue(split.train().stream().map(Splits::normalizedPrompt).noneMatch(heldOut::contains));
        assertEquals(30, split.heldOut().size());
        assertEquals(110, split.train().size() + split.heldOut().size() + split.droppedFromTrain());
        int expectedDropped = 0;
        for (Problem p : Splits.shuffled(problems, 11).subList(30, 110)) {
            expectedDropped += heldOut.contains(Splits.normalizedPrompt(p)) ? 1 : 0;
        }
        assertEquals(expectedDropped, split.droppedFromTrain());
        assertTrue(split.droppedFromTrain() > 0, "with 30 of 110 held out some of the 15 copies land on both sides");
    }

    @Test
    void separatelyGivenSplitsLoseExactlyTheLeakedTrainingProblems() {
        List<Problem> train = List.of(problem("t1", "Compute 2+2."), problem("t2", "compute   2+2"),
                problem("t3", "Compute 3+3."), problem("t4", "\"Compute 2+2\""));
        List<Problem> test = List.of(problem("e1", "COMPUTE 2+2?"));
        Split split = Splits.withoutLeaks(train, test);
        assertEquals(List.of("t3"), ids(split.train()));
        assertEquals(3, split.droppedFromTrain());
        assertEquals(List.of("e1"), ids(split.heldOut()));
    }

    @Test
    void normalizationCollapsesSpaceFoldsCaseTrimsPunctuationAndIgnoresSystemMessages() {
        assertEquals("what is 2 + 2", Splits.normalizedPrompt(problem("a", "  What   is\n2 + 2? ")));
        Problem chat = Problem.math("c", Prompt.chat(List.of(ChatMessage.system("Think."), ChatMessage.user("What is 2 + 2?"))), "4", Map.of());
        assertEquals("what is 2 + 2", Splits.normalizedPrompt(chat));
        assertEquals("x2 - 1 = 0", Splits.normalizedPrompt(problem("f", "ｘ2 - 1 = 0.")));
    }

    @Test
    void heldOutSizesAreValidated() {
        assertEquals("held-out fraction must be between 0 and 1 (exclusive), got 1.5; e.g. 0.1 holds out a tenth",
                assertThrows(Reason4jException.class, () -> HeldOut.fraction(1.5)).getMessage());
        assertEquals("held-out split of 10 leaves no training problems out of 10: hold out fewer",
                assertThrows(Reason4jException.class, () -> Splits.split(distinct(10), HeldOut.count(10), 1)).getMessage());
        assertEquals(1, Splits.split(distinct(10), HeldOut.fraction(0.01), 1).heldOut().size());
    }
}
