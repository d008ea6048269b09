package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes problems from randomness. A problem depends only on its own random stream, so the first
 * {@code n} problems of a seed are the same whatever the count asked for.
 */
public interface ProblemGenerator {
    /** The task's name, also the prefix of problem ids ({@code countdown}, {@code arithmetic}…). */
    String name();

    /** One problem drawn from {@code random}; {@code id} is its id. */
    Problem generate(SplittableRandom random, String id);

    /** {@code count} problems for {@code seed}, with ids {@code <name>-<seed>-<i>}. */
    default List<Problem> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Problem> problems = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            problems.add(generate(root.split(), name() + "-" + seed + "-" + i));
        }
        return problems;
    }
}
