package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArithmeticChainGeneratorTest {
    private static final Pattern START = Pattern.compile("^Start with (\\d+)");
    private static final Pattern STEP = Pattern.compile("\\G, (?:then )?(add|subtract|multiply by) (\\d+)");

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(ArithmeticChainGenerator.Config.defaults()),
                Arguments.of(new ArithmeticChainGenerator.Config(2, 8, 100, 12, true)),
                Arguments.of(new ArithmeticChainGenerator.Config(3, 6, 50, 0, false)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void answerRecomputedFromTheTextMatchesForTwoThousandProblems(ArithmeticChainGenerator.Config config) {
        for (Problem problem : new ArithmeticChainGenerator(config).generate(2000, 31)) {
            String text = problem.prompt().text();
            Matcher start = START.matcher(text);
            assertTrue(start.find(), text);
            BigInteger value = new BigInteger(start.group(1));
            int terms = 1;
            boolean negativeSeen = false;
            Matcher step = STEP.matcher(text).region(start.end(), text.length());
            int end = start.end();
            while (step.find()) {
                BigInteger operand = new BigInteger(step.group(2));
                value = switch (step.group(1)) {
                    case "add" -> value.add(operand);
                    case "subtract" -> value.subtract(operand);
                    default -> value.multiply(operand);
                };
                assertTrue(operand.intValueExact() <= Math.max(config.maxOperand(), config.maxMultiplier()), text);
                negativeSeen |= value.signum() < 0;
                terms++;
                end = step.end();
            }
            assertEquals(". What is the result?", text.substring(end), text);
            assertEquals(value.toString(), problem.answer(), text);
            assertTrue(terms >= config.minTerms() && terms <= config.maxTerms(), text);
            assertTrue(config.allowNegative() || !negativeSeen, text);
            assertTrue(config.maxMultiplier() >= 2 || !text.contains("multiply"), text);
            SolutionChecks.assertWellFormed(problem, problem.answer());
            assertEquals(terms - 1, SolutionChecks.assertStepsHold((String) problem.metadata().get("solution")));
        }
    }
}
