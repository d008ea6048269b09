package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountdownGeneratorTest {
    private static final Pattern TEXT = Pattern.compile("Using the numbers \\[([\\d, ]+)], create an equation that equals (\\d+)\\. "
            + "You can use basic arithmetic operations \\((.*)\\) and each number must be used exactly once\\.");

    private record Parsed(List<Long> numbers, long target, boolean division) {
    }

    private static Parsed parse(String text) {
        Matcher m = TEXT.matcher(text);
        assertTrue(m.matches(), text);
        List<Long> numbers = Arrays.stream(m.group(1).split(", ")).map(Long::parseLong).toList();
        return new Parsed(numbers, Long.parseLong(m.group(2)), m.group(3).contains("/"));
    }

    /** Recomputed from the text alone: the expression is exact, uses each given number once, and hits the target. */
    private static void assertSolves(Problem problem, Parsed parsed) {
        String expression = (String) problem.metadata().get("solution_expression");
        ExactArithmetic.Evaluation evaluation = ExactArithmetic.evaluate(expression);
        assertEquals(ExactArithmetic.Fraction.of(parsed.target()), evaluation.value(), expression);
        List<Long> used = new ArrayList<>(evaluation.literals());
        List<Long> given = new ArrayList<>(parsed.numbers());
        used.sort(null);
        given.sort(null);
        assertEquals(given, used, expression);
        assertEquals(Long.toString(parsed.target()), problem.answer());
        assertEquals(parsed.numbers().stream().map(Long::intValue).toList(), problem.metadata().get("numbers"));
        assertEquals((int) parsed.target(), problem.metadata().get("target"));
    }

    @Test
    void twoThousandDefaultProblemsAreSolvedByTheirExpression() {
        int division = 0;
        for (Problem problem : new CountdownGenerator().generate(2000, 2024)) {
            Parsed parsed = parse(problem.prompt().text());
            assertSolves(problem, parsed);
            assertTrue(parsed.numbers().size() >= 3 && parsed.numbers().size() <= 4);
            assertTrue(parsed.numbers().stream().allMatch(n -> n >= 1 && n <= 99));
            assertTrue(parsed.target() >= 1 && parsed.target() <= 100);
            String expression = (String) problem.metadata().get("solution_expression");
            division += expression.contains("/") ? 1 : 0;
            SolutionChecks.assertWellFormed(problem, expression);
            assertEquals(parsed.numbers().size() - 1, SolutionChecks.assertStepsHold((String) problem.metadata().get("solution")));
        }
        assertTrue(division > 20, "division should appear now and then, got " + division);
    }

    @Test
    void knobsBoundCountSizeAndOperations() {
        CountdownGenerator generator = new CountdownGenerator(new CountdownGenerator.Config(5, 6, 12, 500, false));
        for (Problem problem : generator.generate(2000, 9)) {
            Parsed parsed = parse(problem.prompt().text());
            assertSolves(problem, parsed);
            assertFalse(parsed.division());
            assertTrue(parsed.numbers().size() >= 5 && parsed.numbers().size() <= 6);
            assertTrue(parsed.numbers().stream().allMatch(n -> n <= 12));
            assertTrue(parsed.target() <= 500);
            assertFalse(((String) problem.metadata().get("solution_expression")).contains("/"));
        }
    }
}
