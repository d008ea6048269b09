package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.LoadedProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorDeterminismTest {
    private static List<String> texts(List<Problem> problems) {
        return problems.stream().map(p -> p.prompt().text()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"countdown", "arithmetic", "linear", "number_theory"})
    void sameSeedGivesIdenticalProblemsAndAnotherSeedDifferentOnes(String name) {
        ProblemGenerator generator = Generators.named(name);
        List<Problem> first = generator.generate(200, 42);
        List<Problem> again = Generators.named(name).generate(200, 42);
        List<Problem> other = generator.generate(200, 43);
        assertEquals(first, again);
        assertNotEquals(texts(first), texts(other));
        long differing = 0;
        for (int i = 0; i < first.size(); i++) {
            differing += first.get(i).prompt().equals(other.get(i).prompt()) ? 0 : 1;
        }
        assertTrue(differing > 150, "only " + differing + " of 200 problems differ between seeds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"countdown", "arithmetic", "linear", "number_theory"})
    void askingForMoreProblemsKeepsTheFirstOnesAndIdsAreUnique(String name) {
        ProblemGenerator generator = Generators.named(name);
        List<Problem> many = generator.generate(100, 7);
        assertEquals(generator.generate(10, 7), many.subList(0, 10));
        Set<String> ids = new HashSet<>();
        many.forEach(p -> ids.add(p.id()));
        assertEquals(100, ids.size());
        assertEquals(name + "-7-3", many.get(3).id());
        assertEquals(name, many.get(3).metadata().get("task"));
    }

    @Test
    void generatedProblemsSourceLoadsTheSameProblems() {
        GeneratedProblems source = new GeneratedProblems(new CountdownGenerator(), 25, 5);
        LoadedProblems loaded = source.load();
        assertEquals(new CountdownGenerator().generate(25, 5), loaded.problems());
        assertTrue(loaded.skipped().isEmpty());
        assertEquals("countdown generator (25 problems, seed 5)", source.describe());
    }

    @Test
    void unknownGeneratorAndBadKnobsAreClearErrors() {
        assertEquals("unknown problem generator 'sudoku': use countdown, arithmetic, linear or number_theory",
                assertThrows(Reason4jException.class, () -> Generators.named("sudoku")).getMessage());
        assertEquals("countdown: need 2 <= minNumbers <= maxNumbers <= 8, got 4..3",
                assertThrows(Reason4jException.class, () -> new CountdownGenerator.Config(4, 3, 99, 100, true)).getMessage());
        assertEquals("number_theory: maxModulus must be in 2..1000 so answers stay in 0-999, got 1001",
                assertThrows(Reason4jException.class, () -> new NumberTheoryGenerator.Config(
                        Set.of(NumberTheoryGenerator.Kind.GCD), 10, 10, 1001, 3, 100)).getMessage());
    }
}
