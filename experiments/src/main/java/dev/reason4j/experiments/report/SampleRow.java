package dev.reason4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code samples.jsonl}: a completion the trainer sampled, with its score.
 *
 * @param step       the training step it was sampled at
 * @param problemId  the problem's id, or {@code null} when not logged
 * @param prompt     the prompt as text (chat messages become {@code role: content} lines), or {@code null}
 * @param completion the sampled text
 * @param reward     its total reward; NaN when not logged or not applicable
 * @param correct    whether the verifier judged it right, or {@code null} when not logged
 * @param line       the 1-based line in the file
 */
public record SampleRow(long step, String problemId, String prompt, String completion, double reward, Boolean correct,
        int line) {
    public static final String FILE = "samples.jsonl";

    /** Reads {@code file}; a partial last line is skipped, any other bad line fails naming {@code file:line}. */
    public static List<SampleRow> read(Path file) {
        List<SampleRow> rows = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            rows.add(of(file, line));
        }
        return rows;
    }

    private static SampleRow of(Path file, JsonLines.Line line) {
        ObjectNode o = line.object();
        JsonNode step = o.get("step");
        JsonNode completion = o.get("completion");
        if (step == null || !step.isIntegralNumber() || completion == null || !completion.isTextual()) {
            throw new Reason4jException(file + ":" + line.number()
                    + ": a sample needs a whole-number \"step\" and a \"completion\" string; fix or delete that line");
        }
        JsonNode reward = o.get("reward");
        Double value = reward == null ? null : MetricsLog.number(reward);
        JsonNode correct = o.get("correct");
        return new SampleRow(step.longValue(), text(o.get("problem_id")), prompt(o.get("prompt")), completion.textValue(),
                value == null ? Double.NaN : value, correct != null && correct.isBoolean() ? correct.booleanValue() : null,
                line.number());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    /** A text prompt as is; a list of chat messages as {@code role: content} paragraphs. */
    private static String prompt(JsonNode node) {
        if (node == null || !node.isArray()) {
            return text(node);
        }
        List<String> turns = new ArrayList<>();
        for (JsonNode message : node) {
            turns.add(message.path("role").asText("?") + ": " + message.path("content").asText(""));
        }
        return String.join("\n\n", turns);
    }
}
