package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.datasets.synthetic.NumberTheoryGenerator.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class NumberTheoryGeneratorTest {
    private static final Pattern POWER_MOD = Pattern.compile("What is the remainder when (\\d+)\\^(\\d+) is divided by (\\d+)\\?");
    private static final Pattern PRODUCT_MOD = Pattern.compile("What is the remainder when ([\\d *]+) is divided by (\\d+)\\?");
    private static final Pattern GCD = Pattern.compile("What is the greatest common divisor of (\\d+) and (\\d+)\\?");
    private static final Pattern LCM = Pattern.compile("What is the least common multiple of (\\d+) and (\\d+)\\?");
    private static final Pattern DIGIT_SUM = Pattern.compile("What is the sum of the digits of (\\d+)\\^(\\d+)\\?");

    private record Recomputed(Kind kind, BigInteger answer) {
    }

    /** The answer worked out from the question text with BigInteger, independently of the generator. */
    private static Recomputed recompute(String text) {
        Matcher m;
        if ((m = POWER_MOD.matcher(text)).matches()) {
            return new Recomputed(Kind.POWER_MOD, new BigInteger(m.group(1)).modPow(new BigInteger(m.group(2)), new BigInteger(m.group(3))));
        }
        if ((m = PRODUCT_MOD.matcher(text)).matches()) {
            BigInteger product = Arrays.stream(m.group(1).split(" \\* ")).map(BigInteger::new).reduce(BigInteger.ONE, BigInteger::multiply);
            return new Recomputed(Kind.PRODUCT_MOD, product.mod(new BigInteger(m.group(2))));
        }
        if ((m = GCD.matcher(text)).matches()) {
            return new Recomputed(Kind.GCD, new BigInteger(m.group(1)).gcd(new BigInteger(m.group(2))));
        }
        if ((m = LCM.matcher(text)).matches()) {
            BigInteger a = new BigInteger(m.group(1));
            BigInteger b = new BigInteger(m.group(2));
            return new Recomputed(Kind.LCM, a.multiply(b).divide(a.gcd(b)));
        }
        if ((m = DIGIT_SUM.matcher(text)).matches()) {
            String digits = new BigInteger(m.group(1)).pow(Integer.parseInt(m.group(2))).toString();
            return new Recomputed(Kind.DIGIT_SUM, BigInteger.valueOf(digits.chars().map(c -> c - '0').sum()));
        }
        return fail("unrecognised question: " + text);
    }

    @Test
    void everyAnswerRecomputedFromTheTextMatchesAndLiesIn0To999() {
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        for (Problem problem : new NumberTheoryGenerator().generate(2500, 1000)) {
            Recomputed recomputed = recompute(problem.prompt().text());
            assertEquals(recomputed.answer().toString(), problem.answer(), problem.prompt().text());
            assertTrue(recomputed.answer().signum() >= 0 && recomputed.answer().compareTo(BigInteger.valueOf(999)) <= 0, problem.answer());
            assertEquals(recomputed.kind().name().toLowerCase(), problem.metadata().get("kind"));
            SolutionChecks.assertWellFormed(problem, problem.answer());
            seen.merge(recomputed.kind(), 1, Integer::sum);
        }
        assertEquals(EnumSet.allOf(Kind.class), seen.keySet());
        seen.values().forEach(count -> assertTrue(count > 350, seen.toString()));
    }

    @Test
    void knobsChooseKindsAndBoundTheNumbers() {
        NumberTheoryGenerator generator = new NumberTheoryGenerator(new NumberTheoryGenerator.Config(
                EnumSet.of(Kind.POWER_MOD, Kind.LCM), 9, 20, 17, 3, 60));
        for (Problem problem : generator.generate(2000, 3)) {
            String text = problem.prompt().text();
            Recomputed recomputed = recompute(text);
            assertEquals(recomputed.answer().toString(), problem.answer(), text);
            Matcher power = POWER_MOD.matcher(text);
            if (power.matches()) {
                assertTrue(Integer.parseInt(power.group(1)) <= 9 && Integer.parseInt(power.group(2)) <= 20
                        && Integer.parseInt(power.group(3)) <= 17, text);
            } else {
                Matcher lcm = LCM.matcher(text);
                assertTrue(lcm.matches(), text);
                assertTrue(Integer.parseInt(lcm.group(1)) <= 60 && Integer.parseInt(lcm.group(2)) <= 60, text);
            }
        }
    }

    @Test
    void powerModSolutionMultipliesTheRightRemainders() {
        Problem problem = new NumberTheoryGenerator(new NumberTheoryGenerator.Config(EnumSet.of(Kind.POWER_MOD), 20, 200, 1000, 2, 10))
                .generate(1, 8).get(0);
        String solution = (String) problem.metadata().get("solution");
        Matcher step = Pattern.compile("(\\d+) \\* (\\d+) = (\\d+), and \\3 mod (\\d+) = (\\d+)\\.").matcher(solution);
        int steps = 0;
        while (step.find()) {
            long product = Long.parseLong(step.group(1)) * Long.parseLong(step.group(2));
            assertEquals(product, Long.parseLong(step.group(3)), step.group());
            assertEquals(product % Long.parseLong(step.group(4)), Long.parseLong(step.group(5)), step.group());
            steps++;
        }
        assertTrue(steps >= 1, solution);
    }
}
