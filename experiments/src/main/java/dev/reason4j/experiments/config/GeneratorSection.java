package dev.reason4j.experiments.config;

import java.util.Map;

/**
 * Problems made by a seeded generator instead of read from a file.
 *
 * @param name   {@code arithmetic} (multi-step chains: reasoning through intermediate results is what
 *               makes them solvable), {@code countdown} (TinyZero's game), {@code linear} (one-variable
 *               equations) or {@code number_theory}
 * @param count  how many problems (default 1000); held-out problems come out of these
 * @param seed   the generator's seed (default null: the run's seed); the first n problems of a seed
 *               are the same whatever the count
 * @param params the generator's difficulty settings, by the snake_case names of its {@code Config}
 *               record (e.g. arithmetic: {@code min_terms, max_terms, max_operand, max_multiplier,
 *               allow_negative}; countdown: {@code min_numbers, max_numbers, max_number, max_target,
 *               allow_division}); absent ones keep the generator's defaults
 */
public record GeneratorSection(String name,
                               @Default("1000") @Range(min = 1) int count,
                               @Default("null") Long seed,
                               @Default("{}") Map<String, Object> params) {
}
