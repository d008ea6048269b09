package dev.reason4j.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a run's {@code metrics.jsonl} back: the last training step's numbers, for the run's summary line. */
final class MetricsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsFile() {
    }

    /** The numeric fields of the last training row (eval rows, which carry "event", are skipped); empty if none. */
    static Map<String, Object> lastTrainingStep(Path metricsJsonl) {
        if (!Files.isRegularFile(metricsJsonl)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsJsonl);
        } catch (IOException e) {
            throw new Reason4jException("cannot read " + metricsJsonl + ": " + e.getMessage(), e);
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                continue; // a torn last line of a killed run
            }
            if (row != null && row.isObject() && !row.has("event")) {
                Map<String, Object> out = new LinkedHashMap<>();
                row.fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber()) {
                        out.put(f.getKey(), f.getValue().numberValue());
                    }
                });
                return out;
            }
        }
        return Map.of();
    }
}
