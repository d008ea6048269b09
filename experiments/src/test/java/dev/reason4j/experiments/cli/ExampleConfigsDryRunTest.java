package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code train --dry-run} passes on every example config in experiments/configs. Where a config names
 * a model or dataset this machine lacks, the test points it at a tiny stand-in with --set.
 */
class ExampleConfigsDryRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONFIGS = Path.of("configs");
    @TempDir
    static Path tmp;
    static Path standInModel;

    @BeforeAll
    static void standIns() {
        standInModel = StandIns.model(tmp.resolve("stand-in-model"));
    }

    static Stream<Path> exampleConfigs() throws Exception {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theIssuesExamplesAreAllThere() throws Exception {
        List<String> names = exampleConfigs().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("quickstart.yaml", "countdown-zero.yaml", "gsm8k-qwen2.5-0.5b.yaml",
                "math-r1zero-qwen2.5-1.5b.yaml", "aime-eval.yaml")), names.toString());
        for (Path p : exampleConfigs().toList()) {
            String text = Files.readString(p);
            assertTrue(text.startsWith("# What it is for:") && text.contains("# What it needs:"), p + " says what it is for and what it needs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleConfigs")
    void dryRunPassesWithStandInsForAbsentFiles(Path config) throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(config.toFile());
        List<String> args = new ArrayList<>(List.of("train", config.toString(), "--dry-run"));
        args.addAll(StandIns.set("output.dir", tmp.resolve("runs")));
        if (yaml.path("model").has("path")) {
            args.addAll(StandIns.set("model.path", standInModel));
        }
        String preset = yaml.path("data").path("preset").asText("aime");
        String name = config.getFileName().toString();
        if (yaml.path("data").has("source")) {
            args.addAll(StandIns.set("data.source", StandIns.dataset(tmp.resolve(name + "/train.jsonl"), preset, 40)));
        }
        if (yaml.path("data").has("eval_source")) {
            args.addAll(StandIns.set("data.eval_source", StandIns.dataset(tmp.resolve(name + "/test.jsonl"), preset, 12)));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = JSON.readTree(run.out());
        assertTrue(summary.get("ok").asBoolean());
        assertTrue(summary.at("/memory_estimate_mb/total").asLong() > 0, run.out());
        assertTrue(summary.at("/lengths/max_prompt_tokens").asInt() > 0, run.out());
        assertTrue(summary.at("/model/parameters").asLong() > 0, run.out());
        assertTrue(!Files.exists(tmp.resolve("runs").resolve(yaml.path("name").asText())), "a dry run writes no run directory");
    }

    @Test
    void quickstartDryRunReportsItsSplitAndWarmStart() throws Exception {
        CliRun run = CliRun.of("train", "configs/quickstart.yaml", "--dry-run", "--set", "output.dir=" + tmp.resolve("runs"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode s = JSON.readTree(run.out());
        JsonNode data = s.get("data");
        assertEquals(200, data.get("held_out").asInt());
        assertEquals(2200, data.get("train").asInt() + data.get("held_out").asInt() + data.get("dropped_from_train").asInt());
        assertEquals(data.get("train").asInt(), data.get("sft_examples").asInt(), "every generated problem has a worked solution");
        assertEquals(16 * 8, s.at("/batch/completions_per_step").asInt());
        assertEquals(30, s.at("/batch/total_optimizer_steps").asInt());
        assertEquals("init", s.at("/model/source").asText());
    }

    @Test
    void dryRunRefusesAPromptThatCannotFitTheContext() throws Exception {
        CliRun run = CliRun.of("train", "configs/quickstart.yaml", "--dry-run", "--set", "output.dir=" + tmp.resolve("runs"),
                "--set", "model.init.max_positions=64");
        assertEquals(Main.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("configs/quickstart.yaml:") && run.err().contains("rollout.max_new_tokens: the longest prompt"),
                run.err());
    }
}
