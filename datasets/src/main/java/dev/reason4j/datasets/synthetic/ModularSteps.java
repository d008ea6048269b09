package dev.reason4j.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;

/** The hand methods behind number-theory solutions, each writing its steps as it computes. */
final class ModularSteps {
    private ModularSteps() {
    }

    /** {@code base^exponent mod modulus} by square-and-multiply over the binary digits of the exponent. */
    static long powerMod(long base, int exponent, int modulus, WorkedSolution solution) {
        List<String> powersOfTwo = new ArrayList<>();
        for (long power = Long.highestOneBit(exponent); power > 0; power >>= 1) {
            if ((exponent & power) != 0) {
                powersOfTwo.add(Long.toString(power));
            }
        }
        solution.step("Write the exponent in powers of two: " + exponent + " = " + String.join(" + ", powersOfTwo) + ".");
        long square = base % modulus;
        solution.step(base + "^1 mod " + modulus + " = " + square + ".");
        long result = -1;
        for (long power = 1; power <= exponent; power <<= 1) {
            if (power > 1) {
                long next = square * square % modulus;
                solution.step(base + "^" + power + " mod " + modulus + ": " + square + " * " + square + " = "
                        + square * square + ", and " + square * square + " mod " + modulus + " = " + next + ".");
                square = next;
            }
            if ((exponent & power) == 0) {
                continue;
            }
            if (result < 0) {
                result = square;
                solution.step("Start the product with " + base + "^" + power + ": " + result + ".");
            } else {
                long product = result * square;
                solution.step("Multiply in " + base + "^" + power + ": " + result + " * " + square + " = " + product
                        + ", and " + product + " mod " + modulus + " = " + product % modulus + ".");
                result = product % modulus;
            }
        }
        return result;
    }

    /** The product's remainder, reducing after each multiplication. */
    static long productMod(List<Long> factors, int modulus, WorkedSolution solution) {
        long result = factors.get(0) % modulus;
        solution.step(factors.get(0) + " mod " + modulus + " = " + result + ".");
        for (int i = 1; i < factors.size(); i++) {
            long factor = factors.get(i) % modulus;
            if (factor != factors.get(i)) {
                solution.step(factors.get(i) + " mod " + modulus + " = " + factor + ".");
            }
            long product = result * factor;
            solution.step(result + " * " + factor + " = " + product + ", and " + product + " mod " + modulus + " = "
                    + product % modulus + ".");
            result = product % modulus;
        }
        return result;
    }

    /** Euclid's algorithm on {@code a >= b > 0}, one division per step; returns the gcd. */
    static long euclid(long a, long b, WorkedSolution solution) {
        while (b != 0) {
            long quotient = a / b;
            long remainder = a % b;
            solution.step(a + " = " + quotient + " * " + b + " + " + remainder + ".");
            a = b;
            b = remainder;
        }
        return a;
    }
}
