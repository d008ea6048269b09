package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} end to end on a tiny init model and generated problems: files, resume, and the refusal to overwrite. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static String tinyConfig(Path runs) {
        return """
                name: tiny
                seed: 3
                model:
                  init: {hidden: 32, layers: 1, heads: 2, kv_heads: 1, max_positions: 128}
                data:
                  generator: {name: arithmetic, count: 40, params: {min_terms: 2, max_terms: 2}}
                  template_override: "{question} <think>"
                  held_out: {count: 4}
                rollout: {group_size: 4, problems_per_step: 2, max_new_tokens: 12}
                rewards:
                  - {name: accuracy}
                  - {name: format, weight: 0.5, params: {think_opened_in_prompt: true}}
                grpo: {steps: 3, learning_rate: 1.0e-3, micro_batch_size: 8}
                eval: {k: 2, every: 2}
                output: {dir: %s, checkpoint_every: 2, keep_last: 2}
                """.formatted(runs);
    }

    static List<JsonNode> trainingRows(Path metrics) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            JsonNode row = JSON.readTree(line);
            if (!row.has("event")) {
                rows.add(row);
            }
        }
        return rows;
    }

    static JsonNode lastLine(String out) throws Exception {
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void trainsThenRefusesToOverwriteThenResumes() throws Exception {
        Path config = tmp.resolve("tiny.yaml");
        Files.writeString(config, tinyConfig(tmp.resolve("runs")));
        Path run = tmp.resolve("runs/tiny");

        CliRun first = CliRun.of("train", config.toString(), "--set", "grpo.steps=2");
        assertEquals(0, first.exitCode(), first.err());
        JsonNode summary = lastLine(first.out());
        assertEquals(run.toString(), summary.get("run_dir").asText());
        assertEquals(2, summary.get("steps").asInt());
        assertTrue(summary.at("/metrics/reward_mean").isNumber(), first.out());
        assertTrue(first.err().contains("grpo 2/2 ["), "progress on stderr: " + first.err());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("steps: 2"), "the resolved config records the override");
        assertEquals(List.of(1, 2), trainingRows(run.resolve("metrics.jsonl")).stream().map(r -> r.get("step").asInt()).toList());
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step-2/model.safetensors")));
        assertTrue(Files.isRegularFile(run.resolve("base-model/config.json")), "the init model is kept in the run");
        assertTrue(summary.at("/eval_before/pass@1").isNumber() && summary.at("/eval_after/pass@1").isNumber(), first.out());
        assertTrue(Files.isRegularFile(run.resolve("eval/before/summary.json")) && Files.isRegularFile(run.resolve("eval/after/results.jsonl")));
        assertTrue(Files.isRegularFile(run.resolve("eval/step-2/summary.json")), "eval.every: 2 evaluates at step 2");
        assertTrue(Files.readAllLines(run.resolve("metrics.jsonl")).stream().anyMatch(l -> l.contains("\"eval/pass@1\"")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/best")), "the best checkpoint by eval pass@1 is kept");
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("pass_at_1"), "the report compares the evaluations before and after");

        CliRun again = CliRun.of("train", config.toString());
        assertEquals(Main.USER_ERROR, again.exitCode());
        assertTrue(again.err().contains("already has checkpoints") && again.err().contains("--resume"), again.err());

        CliRun resumed = CliRun.of("train", config.toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode after = lastLine(resumed.out());
        assertEquals(2, after.get("resumed_from").asInt());
        assertEquals(3, after.get("steps").asInt());
        assertEquals(List.of(1, 2, 3), trainingRows(run.resolve("metrics.jsonl")).stream().map(r -> r.get("step").asInt()).toList());
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step-3")));
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("steps: 3"));
    }

    @Test
    void anEvaluationOnlyConfigEvaluatesOnceAndTrainsNothing() throws Exception {
        Path aime = StandIns.dataset(tmp.resolve("aime.jsonl"), "aime", 3);
        Path config = tmp.resolve("eval-only.yaml");
        Files.writeString(config, """
                model:
                  init: {hidden: 32, layers: 1, heads: 2, kv_heads: 1, max_positions: 128}
                data: {eval_source: %s, preset: aime, template_override: "{question} <think>"}
                grpo: {steps: 0}
                eval: {k: 2, max_new_tokens: 8, greedy: true}
                output: {dir: %s}
                """.formatted(aime, tmp.resolve("runs")));
        CliRun run = CliRun.of("train", config.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = lastLine(run.out());
        assertEquals(0, summary.get("steps").asInt());
        assertEquals(3.0, summary.at("/eval_before/problems").asDouble());
        assertTrue(summary.at("/eval_before/greedy_accuracy").isNumber(), run.out());
        Path dir = tmp.resolve("runs/eval-only");
        assertTrue(Files.isRegularFile(dir.resolve("eval/before/summary.json")));
        assertFalse(Files.exists(dir.resolve("checkpoints")), "nothing was trained");
    }

    @Test
    void aBadConfigFailsBeforeAnyWorkWithItsLine() throws Exception {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, tinyConfig(tmp.resolve("runs")).replace("grpo: {steps: 3", "grpo: {stepz: 3"));
        CliRun run = CliRun.of("train", config.toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains(config + ":13: grpo.stepz: unknown key; did you mean 'steps'?"), run.err());
        assertFalse(Files.exists(tmp.resolve("runs/tiny")), "nothing is written for a config that does not validate");
    }
}
