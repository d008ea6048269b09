package dev.reason4j.experiments.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One line of {@code metrics.jsonl}: a training step, or an event such as an evaluation
 * ({@code "event": "eval"}) logged at a step.
 *
 * @param step   the training step the line belongs to
 * @param event  {@code null} for a training step, else the line's {@code event} field (e.g. {@code "eval"})
 * @param values the line's numeric fields in file order, {@code step} and {@code event} left out; a
 *               non-finite value (NaN) is kept, a {@code null} or non-numeric field is left out
 * @param line   the 1-based line in the file, for messages
 */
public record MetricsRow(long step, String event, Map<String, Double> values, int line) {
    public MetricsRow {
        Objects.requireNonNull(values, "MetricsRow.values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code key} if this line has it and it is finite. */
    public OptionalDouble get(String key) {
        Double value = values.get(key);
        return value == null || !Double.isFinite(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Whether this is a training step rather than an event line. */
    public boolean isTraining() {
        return event == null;
    }
}
