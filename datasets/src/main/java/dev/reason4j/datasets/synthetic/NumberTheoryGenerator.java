package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Number-theory questions with an integer answer in 0–999 (AIME's answer format): remainders of powers
 * and of products, greatest common divisors, least common multiples, digit sums of powers. Each comes
 * with the hand method as its reference solution (square-and-multiply, running remainders, Euclid).
 */
public final class NumberTheoryGenerator implements ProblemGenerator {
    /** The kinds of question. */
    public enum Kind { POWER_MOD, PRODUCT_MOD, GCD, LCM, DIGIT_SUM }

    /** Answers are below this, as in AIME. */
    static final int ANSWER_LIMIT = 1000;

    /**
     * @param kinds       which kinds to ask, each equally likely
     * @param maxBase     bases of powers are in 2..maxBase
     * @param maxExponent exponents are in 2..maxExponent (digit sums cap the power at 110 digits)
     * @param maxModulus  moduli are in 2..maxModulus (at most 1000, so remainders stay in 0–999)
     * @param maxFactors  products have 2..maxFactors factors
     * @param maxValue    factors, and the numbers whose gcd/lcm is asked, are in 2..maxValue
     */
    public record Config(Set<Kind> kinds, int maxBase, int maxExponent, int maxModulus, int maxFactors, int maxValue) {
        public Config {
            if (kinds == null || kinds.isEmpty()) {
                throw new Reason4jException("number_theory: kinds is empty: name at least one of " + EnumSet.allOf(Kind.class));
            }
            kinds = Set.copyOf(kinds);
            if (maxBase < 2 || maxExponent < 2 || maxFactors < 2 || maxValue < 2) {
                throw new Reason4jException("number_theory: maxBase, maxExponent, maxFactors and maxValue must each be at least 2");
            }
            if (maxModulus < 2 || maxModulus > ANSWER_LIMIT) {
                throw new Reason4jException("number_theory: maxModulus must be in 2..1000 so answers stay in 0-999, got " + maxModulus);
            }
            if (maxValue > 1_000_000_000) {
                throw new Reason4jException("number_theory: maxValue must be at most 1000000000, got " + maxValue);
            }
        }

        public static Config defaults() {
            return new Config(EnumSet.allOf(Kind.class), 20, 200, 1000, 4, 500);
        }
    }

    private final Config config;
    private final List<Kind> kinds;

    public NumberTheoryGenerator(Config config) {
        this.config = config;
        this.kinds = new ArrayList<>(EnumSet.copyOf(config.kinds()));
    }

    public NumberTheoryGenerator() {
        this(Config.defaults());
    }

    @Override
    public String name() {
        return "number_theory";
    }

    @Override
    public Problem generate(SplittableRandom random, String id) {
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        WorkedSolution solution = new WorkedSolution();
        Question question = switch (kind) {
            case POWER_MOD -> powerMod(random, solution);
            case PRODUCT_MOD -> productMod(random, solution);
            case GCD -> gcd(random, solution);
            case LCM -> lcm(random, solution);
            case DIGIT_SUM -> digitSum(random, solution);
        };
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", name());
        metadata.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        String answer = Long.toString(question.answer());
        return Problem.math(id, Prompt.text(question.text()), answer, solution.addTo(metadata, answer, answer));
    }

    private record Question(String text, long answer) {
    }

    private Question powerMod(SplittableRandom random, WorkedSolution solution) {
        long base = random.nextInt(2, config.maxBase() + 1);
        int exponent = random.nextInt(2, config.maxExponent() + 1);
        int modulus = random.nextInt(2, config.maxModulus() + 1);
        long answer = ModularSteps.powerMod(base, exponent, modulus, solution);
        return new Question("What is the remainder when " + base + "^" + exponent + " is divided by " + modulus + "?", answer);
    }

    private Question productMod(SplittableRandom random, WorkedSolution solution) {
        int count = random.nextInt(2, config.maxFactors() + 1);
        int modulus = random.nextInt(2, config.maxModulus() + 1);
        List<Long> factors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            factors.add((long) random.nextInt(2, config.maxValue() + 1));
        }
        long answer = ModularSteps.productMod(factors, modulus, solution);
        List<String> written = factors.stream().map(String::valueOf).toList();
        return new Question("What is the remainder when " + String.join(" * ", written) + " is divided by " + modulus + "?", answer);
    }

    /** Both numbers share a random factor, so the gcd is usually more than 1; retried until it is below 1000. */
    private Question gcd(SplittableRandom random, WorkedSolution solution) {
        while (true) {
            long common = random.nextInt(1, Math.max(2, Math.min(config.maxValue() / 2, ANSWER_LIMIT - 1)) + 1);
            long a = common * random.nextInt(1, (int) Math.max(2, config.maxValue() / common) + 1);
            long b = common * random.nextInt(1, (int) Math.max(2, config.maxValue() / common) + 1);
            if (a != b && BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValue() < ANSWER_LIMIT) {
                long answer = ModularSteps.euclid(Math.max(a, b), Math.min(a, b), solution);
                solution.step("So the greatest common divisor of " + a + " and " + b + " is " + answer + ".");
                return new Question("What is the greatest common divisor of " + a + " and " + b + "?", answer);
            }
        }
    }

    /** Retried until the lcm is below 1000; falls back to a divisor pair, whose lcm is the larger number. */
    private Question lcm(SplittableRandom random, WorkedSolution solution) {
        int max = Math.min(config.maxValue(), ANSWER_LIMIT - 1);
        for (int attempt = 0; ; attempt++) {
            long a = random.nextInt(2, max + 1);
            long b = attempt < 100 ? random.nextInt(2, max + 1) : divisorOf(a, random);
            long gcd = BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValue();
            if (a != b && a / gcd * b < ANSWER_LIMIT) {
                long g = ModularSteps.euclid(Math.max(a, b), Math.min(a, b), solution);
                long answer = a / g * b;
                solution.step("The least common multiple is " + a + " * " + b + " / " + g + " = " + answer + ".");
                return new Question("What is the least common multiple of " + a + " and " + b + "?", answer);
            }
        }
    }

    private static long divisorOf(long a, SplittableRandom random) {
        List<Long> divisors = new ArrayList<>();
        for (long d = 2; d < a; d++) {
            if (a % d == 0) {
                divisors.add(d);
            }
        }
        return divisors.isEmpty() ? 1 : divisors.get(random.nextInt(divisors.size()));
    }

    /** The digit sum of {@code base^exponent}, with the power kept under 111 digits so the sum is below 1000. */
    private Question digitSum(SplittableRandom random, WorkedSolution solution) {
        int base = random.nextInt(2, config.maxBase() + 1);
        int maxExponent = (int) Math.min(config.maxExponent(), Math.floor(110 / Math.log10(base)));
        int exponent = random.nextInt(2, Math.max(2, maxExponent) + 1);
        String digits = BigInteger.valueOf(base).pow(exponent).toString();
        solution.step(base + "^" + exponent + " = " + digits + ".");
        long sum = 0;
        List<String> terms = new ArrayList<>();
        for (char digit : digits.toCharArray()) {
            sum += digit - '0';
            terms.add(String.valueOf(digit));
        }
        solution.step("Adding its digits: " + String.join(" + ", terms) + " = " + sum + ".");
        return new Question("What is the sum of the digits of " + base + "^" + exponent + "?", sum);
    }
}
