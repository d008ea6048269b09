package dev.reason4j.datasets.synthetic;

import dev.reason4j.datasets.LoadedProblems;
import dev.reason4j.datasets.ProblemSource;

import java.util.Objects;

/**
 * A generator as a {@link ProblemSource}: {@code count} problems for {@code seed}.
 *
 * @param generator what makes the problems
 * @param count     how many
 * @param seed      the seed; the same seed gives the same problems
 */
public record GeneratedProblems(ProblemGenerator generator, int count, long seed) implements ProblemSource {
    public GeneratedProblems {
        Objects.requireNonNull(generator, "GeneratedProblems.generator");
        if (count < 1) {
            throw new dev.reason4j.core.Reason4jException("GeneratedProblems.count must be at least 1, got " + count);
        }
    }

    @Override
    public String describe() {
        return generator.name() + " generator (" + count + " problems, seed " + seed + ")";
    }

    @Override
    public LoadedProblems load() {
        return LoadedProblems.of(generator.generate(count, seed));
    }
}
