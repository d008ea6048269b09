package dev.reason4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's {@code metrics.jsonl}: one JSON object per training step, plus event lines such as
 * {@code {"event": "eval", "step": 40, "eval/pass@1": 0.61}}. Every line needs a whole-number
 * {@code step}; every other field is optional, and only numeric ones are kept.
 *
 * <p>A resumed run logs again the steps after its checkpoint, so when a step appears twice the later
 * line wins. A partial last line (a killed writer) is skipped with a warning; any other bad line fails
 * with {@code file:line}.
 */
public final class MetricsLog {
    /** The field marking an event line, and the value that marks an evaluation. */
    public static final String EVENT = "event";
    public static final String EVAL_EVENT = "eval";
    /** Prefix of the per-component reward keys, e.g. {@code reward/accuracy}. */
    public static final String REWARD_COMPONENT_PREFIX = "reward/";

    private final List<MetricsRow> training; // ascending step, one row a step
    private final List<MetricsRow> evals; // ascending step, one row a step

    private MetricsLog(Collection<MetricsRow> rows) {
        this.training = latestPerStep(rows.stream().filter(MetricsRow::isTraining).toList());
        this.evals = latestPerStep(rows.stream().filter(r -> EVAL_EVENT.equals(r.event())).toList());
    }

    /** Reads {@code file}; fails naming {@code file:line} for a bad line other than a partial last one. */
    public static MetricsLog read(Path file) {
        List<MetricsRow> rows = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            rows.add(toRow(file, line));
        }
        return new MetricsLog(rows);
    }

    /** A log of rows already in memory (a trainer's, or a test's); later rows for a step win. */
    public static MetricsLog of(List<MetricsRow> rows) {
        return new MetricsLog(rows);
    }

    /** Training steps in ascending order, one row per step. */
    public List<MetricsRow> training() {
        return training;
    }

    /** Evaluation lines ({@code "event": "eval"}) in ascending step order, one per step. */
    public List<MetricsRow> evals() {
        return evals;
    }

    public boolean isEmpty() {
        return training.isEmpty() && evals.isEmpty();
    }

    public Optional<MetricsRow> lastTraining() {
        return training.isEmpty() ? Optional.empty() : Optional.of(training.get(training.size() - 1));
    }

    /** The numeric keys of the training steps, in the order they first appear. */
    public List<String> trainingKeys() {
        return keys(training);
    }

    /** The numeric keys of the evaluation lines, in the order they first appear. */
    public List<String> evalKeys() {
        return keys(evals);
    }

    /** The {@code reward/<component>} keys, sorted by name. */
    public List<String> rewardComponents() {
        return trainingKeys().stream().filter(k -> k.startsWith(REWARD_COMPONENT_PREFIX)).sorted().toList();
    }

    /** {@code key} over the training steps, at the steps where it is logged and finite. */
    public Series series(String key) {
        return series(training, key);
    }

    /** {@code key} over the evaluation lines, at the steps where it is logged and finite. */
    public Series evalSeries(String key) {
        return series(evals, key);
    }

    /**
     * The mean of {@code key} over the last {@code steps} training steps, counting only those that
     * logged a finite value; empty when none did.
     */
    public OptionalDouble meanOfLast(String key, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("meanOfLast: steps must be at least 1, got " + steps);
        }
        return training.subList(Math.max(0, training.size() - steps), training.size()).stream()
                .map(r -> r.get(key))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .average();
    }

    private static Series series(List<MetricsRow> rows, String key) {
        List<MetricsRow> with = rows.stream().filter(r -> r.get(key).isPresent()).toList();
        double[] steps = new double[with.size()];
        double[] values = new double[with.size()];
        for (int i = 0; i < with.size(); i++) {
            steps[i] = with.get(i).step();
            values[i] = with.get(i).get(key).getAsDouble();
        }
        return new Series(key, steps, values);
    }

    private static List<String> keys(List<MetricsRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.values().keySet()));
        return List.copyOf(keys);
    }

    private static List<MetricsRow> latestPerStep(List<MetricsRow> rows) {
        TreeMap<Long, MetricsRow> byStep = new TreeMap<>();
        rows.forEach(r -> byStep.put(r.step(), r));
        return List.copyOf(byStep.values());
    }

    private static MetricsRow toRow(Path file, JsonLines.Line line) {
        ObjectNode object = line.object();
        JsonNode step = object.get("step");
        if (step == null || !step.isIntegralNumber() || !step.canConvertToLong()) {
            throw new Reason4jException(file + ":" + line.number() + ": every metrics line needs a whole-number \"step\", found "
                    + (step == null ? "none" : step.toString()) + "; fix or delete that line");
        }
        JsonNode event = object.get(EVENT);
        Map<String, Double> values = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            Double value = number(field.getValue());
            if (value != null && !field.getKey().equals("step") && !field.getKey().equals(EVENT)) {
                values.put(field.getKey(), value);
            }
        });
        String eventName = event == null || event.isNull() ? null : event.asText();
        return new MetricsRow(step.longValue(), eventName, values, line.number());
    }

    /** A JSON number, or a writer's spelling of a non-finite one ({@code "NaN"}); else {@code null}. */
    static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "NaN", "nan" -> Double.NaN;
                case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }
}
