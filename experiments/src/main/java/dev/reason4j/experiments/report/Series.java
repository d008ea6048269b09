package dev.reason4j.experiments.report;

import java.util.Objects;

/**
 * One metric over steps, as drawn: points where the metric was logged and finite.
 *
 * @param name   the metric key, e.g. {@code reward_mean}
 * @param steps  (n) the steps, ascending
 * @param values (n) the values at those steps
 */
public record Series(String name, double[] steps, double[] values) {
    public Series {
        Objects.requireNonNull(name, "Series.name");
        if (steps.length != values.length) {
            throw new IllegalArgumentException("Series " + name + ": " + steps.length + " steps but " + values.length + " values");
        }
    }

    public int size() {
        return steps.length;
    }

    public boolean isEmpty() {
        return steps.length == 0;
    }
}
