package dev.reason4j.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report's before/after comparison, from {@code eval/before/summary.json} and
 * {@code eval/after/summary.json}: every scalar the summaries hold (pass@1, pass@k, maj@k, format
 * compliance, greedy accuracy, counts…), in the order the evaluator wrote them, with the change.
 */
final class EvalSection {
    static final String BEFORE = "eval/before/summary.json";
    static final String AFTER = "eval/after/summary.json";
    private static final String NONE = "–";

    private EvalSection() {
    }

    static String render(Path runDir) {
        StringBuilder md = new StringBuilder("## Evaluation before and after training\n\n");
        Optional<Map<String, JsonNode>> before = read(runDir.resolve(BEFORE));
        Optional<Map<String, JsonNode>> after = read(runDir.resolve(AFTER));
        if (before.isEmpty() && after.isEmpty()) {
            return md.append("_No ").append(BEFORE).append(" or ").append(AFTER).append(": no evaluation to compare._\n\n").toString();
        }
        if (before.isEmpty()) {
            md.append("_No ").append(BEFORE).append(": only the trained model's numbers are shown._\n\n");
        }
        if (after.isEmpty()) {
            md.append("_No ").append(AFTER).append(": only the base model's numbers are shown._\n\n");
        }
        Map<String, JsonNode> b = before.orElse(Map.of());
        Map<String, JsonNode> a = after.orElse(Map.of());
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(List.of(Markdown.codeCell(key), cell(b.get(key)), cell(a.get(key)), change(b.get(key), a.get(key))));
        }
        return md.append(Markdown.table(List.of("metric", "before", "after", "change"), rows)).append("\n").toString();
    }

    /** The summary's scalar leaves, or empty when the file is absent; a file that is not JSON fails, naming it. */
    private static Optional<Map<String, JsonNode>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JsonLines.MAPPER.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new Reason4jException(file + " must hold one JSON object of summary numbers, like {\"pass@1\": 0.42}");
            }
            return Optional.of(Flattened.of(root));
        } catch (JsonProcessingException e) {
            throw new Reason4jException(file + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + "); fix it or evaluate again", e);
        } catch (IOException e) {
            throw new Reason4jException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String cell(JsonNode value) {
        if (value == null) {
            return NONE;
        }
        Double number = MetricsLog.number(value);
        return number != null ? Markdown.number(number) : Markdown.codeCell(Flattened.text(value));
    }

    private static String change(JsonNode before, JsonNode after) {
        Double b = before == null ? null : MetricsLog.number(before);
        Double a = after == null ? null : MetricsLog.number(after);
        return a != null && b != null && Double.isFinite(a) && Double.isFinite(b) ? Markdown.signed(a - b) : NONE;
    }
}
