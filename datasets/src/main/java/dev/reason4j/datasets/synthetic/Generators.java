package dev.reason4j.datasets.synthetic;

import dev.reason4j.core.Reason4jException;

import java.util.Locale;

/** The built-in generators by name, with their default difficulty. */
public final class Generators {
    private Generators() {
    }

    /** {@code countdown}, {@code arithmetic}, {@code linear} or {@code number_theory}, at default settings. */
    public static ProblemGenerator named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "countdown" -> new CountdownGenerator();
            case "arithmetic" -> new ArithmeticChainGenerator();
            case "linear" -> new LinearEquationGenerator();
            case "number_theory" -> new NumberTheoryGenerator();
            default -> throw new Reason4jException("unknown problem generator '" + name
                    + "': use countdown, arithmetic, linear or number_theory");
        };
    }
}
