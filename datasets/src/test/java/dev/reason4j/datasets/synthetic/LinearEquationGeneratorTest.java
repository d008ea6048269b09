package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearEquationGeneratorTest {
    private static final Pattern TEXT = Pattern.compile("Solve for x: (.+) = (.+)\\. What is x\\?");
    private static final Pattern SIDE = Pattern.compile("(-?\\d+)|(-?\\d*)x(?: ([+-]) (\\d+))?");

    /** {@code [coefficient, constant]} of one side, parsed from text. */
    private static long[] side(String text) {
        Matcher m = SIDE.matcher(text.strip());
        assertTrue(m.matches(), text);
        if (m.group(1) != null) {
            return new long[] {0, Long.parseLong(m.group(1))};
        }
        String coefficient = m.group(2);
        long a = coefficient.isEmpty() ? 1 : coefficient.equals("-") ? -1 : Long.parseLong(coefficient);
        long b = m.group(4) == null ? 0 : Long.parseLong(m.group(4)) * (m.group(3).equals("-") ? -1 : 1);
        return new long[] {a, b};
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(LinearEquationGenerator.Config.defaults()),
                Arguments.of(new LinearEquationGenerator.Config(20, 200, 50, true, true)),
                Arguments.of(new LinearEquationGenerator.Config(3, 0, 9, false, false)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void solutionSolvedFromTheTextMatchesForTwoThousandProblems(LinearEquationGenerator.Config config) {
        for (Problem problem : new LinearEquationGenerator(config).generate(2000, 77)) {
            String text = problem.prompt().text();
            Matcher m = TEXT.matcher(text);
            assertTrue(m.matches(), text);
            long[] left = side(m.group(1));
            long[] right = side(m.group(2));
            long coefficient = left[0] - right[0];
            long constant = right[1] - left[1];
            assertNotEquals(0, coefficient, text);
            assertEquals(0, constant % coefficient, "non-integer solution: " + text);
            long x = constant / coefficient;
            assertEquals(Long.toString(x), problem.answer(), text);
            assertTrue(Math.abs(x) <= config.maxSolution() && (config.allowNegativeSolution() || x >= 0), text);
            assertEquals(config.bothSides(), right[0] != 0, text);
            SolutionChecks.assertWellFormed(problem, problem.answer());
            String solution = (String) problem.metadata().get("solution");
            assertTrue(solution.contains("x = " + x + ".") || solution.startsWith("The answer"), solution);
        }
    }
}
