package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static String model;
    static String base;

    @BeforeAll
    static void init() {
        model = tmp.resolve("m").toString();
        base = tmp.resolve("b").toString();
        for (String[] m : List.of(new String[] {model, "1"}, new String[] {base, "2"})) {
            CliRun run = CliRun.of("init-model", "--hidden", "32", "--layers", "1", "--heads", "2", "--kv-heads", "1",
                    "--init-std", "0.5", "--seed", m[1], "--out", m[0]);
            assertEquals(0, run.exitCode(), run.err());
        }
    }

    private static JsonNode lastLine(CliRun run) throws Exception {
        String[] lines = run.out().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    @Test
    void evaluatesAModelOnAGeneratedTaskAndWritesResultsAndSummary() throws Exception {
        Path out = tmp.resolve("eval-task");
        CliRun run = CliRun.of("eval", "--model", model, "--task", "arithmetic", "--n-problems", "3", "--k", "2",
                "--max-new-tokens", "4", "--greedy", "--seed", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = lastLine(run);
        assertEquals(3, summary.get("problems").asInt());
        assertEquals(2, summary.get("k").asInt());
        assertTrue(summary.get("pass_at_k").has("2"), summary.toString());
        assertTrue(summary.get("greedy_accuracy").isNumber(), summary.toString());
        assertEquals(0.6, summary.get("settings").get("temperature").asDouble());
        assertEquals(3, Files.readAllLines(out.resolve("results.jsonl")).size());
        assertEquals(summary.get("pass_at_1"), JSON.readTree(out.resolve("summary.json").toFile()).get("pass_at_1"));
    }

    @Test
    void evaluatesADatasetFileWithAPresetAndTheFirstNProblems() throws Exception {
        Path data = tmp.resolve("gsm.jsonl");
        Files.writeString(data, "{\"question\": \"1+1?\", \"answer\": \"so #### 2\"}\n{\"question\": \"2+2?\", \"answer\": \"#### 4\"}\n"
                + "{\"question\": \"3+3?\", \"answer\": \"#### 6\"}\n");
        Path out = tmp.resolve("eval-file");
        CliRun run = CliRun.of("eval", "--model", model, "--data", data.toString(), "--preset", "gsm8k", "--n-problems", "2",
                "--k", "1", "--template", "boxed", "--max-new-tokens", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, lastLine(run).get("problems").asInt());
        assertEquals("boxed", lastLine(run).get("settings").get("template").asText());
    }

    @Test
    void scoresExternalResponsesAndComparesTwoDirectories() throws Exception {
        Path responses = tmp.resolve("responses.jsonl");
        Files.writeString(responses, "{\"id\": \"a\", \"responses\": [\"\\\\boxed{4}\", \"\\\\boxed{5}\"], \"answer\": \"4\"}\n"
                + "{\"id\": \"b\", \"responses\": [\"\\\\boxed{1}\", \"\\\\boxed{1}\"], \"answer\": \"2\"}\n");
        Path baseOut = tmp.resolve("ext-base");
        CliRun scored = CliRun.of("eval", "--responses", responses.toString(), "--out", baseOut.toString());
        assertEquals(0, scored.exitCode(), scored.err());
        assertEquals(0.25, lastLine(scored).get("pass_at_1").asDouble(), 1e-12);
        assertEquals(0.5, lastLine(scored).get("pass_at_k").get("2").asDouble(), 1e-12);

        Path better = tmp.resolve("better.jsonl");
        Files.writeString(better, "{\"id\": \"a\", \"responses\": [\"\\\\boxed{4}\", \"\\\\boxed{4}\"], \"answer\": \"4\"}\n"
                + "{\"id\": \"b\", \"responses\": [\"\\\\boxed{1}\", \"\\\\boxed{1}\"], \"answer\": \"2\"}\n");
        Path trainedOut = tmp.resolve("ext-trained");
        assertEquals(0, CliRun.of("eval", "--responses", better.toString(), "--out", trainedOut.toString()).exitCode());

        Path cmpOut = tmp.resolve("cmp");
        CliRun cmp = CliRun.of("eval", "--compare", baseOut.toString(), trainedOut.toString(), "--out", cmpOut.toString());
        assertEquals(0, cmp.exitCode(), cmp.err());
        JsonNode summary = lastLine(cmp);
        assertEquals(2, summary.get("matched").asInt());
        assertEquals(1, summary.get("improved").asInt());
        assertEquals(1, summary.get("same").asInt());
        assertEquals(0.25, summary.get("metrics").get("pass_at_1").get("delta").asDouble(), 1e-12);
        assertEquals(2, Files.readAllLines(cmpOut.resolve("comparison.jsonl")).size());
    }

    @Test
    void evaluatesBaseAndTrainedInOneGo() throws Exception {
        Path out = tmp.resolve("both");
        CliRun run = CliRun.of("eval", "--model", model, "--baseline-model", base, "--task", "countdown", "--n-problems", "2",
                "--k", "2", "--max-new-tokens", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, lastLine(run).get("matched").asInt());
        for (String f : List.of("base/results.jsonl", "base/summary.json", "trained/results.jsonl", "trained/summary.json",
                "comparison.jsonl", "comparison.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void userErrorsNameTheFileLineOrOptionAndExitTwo() throws Exception {
        assertUserError(CliRun.of("eval", "--task", "arithmetic"), "exactly one of --model");
        assertUserError(CliRun.of("eval", "--model", model), "--data FILE or --task");
        assertUserError(CliRun.of("eval", "--model", model, "--data", tmp.resolve("missing.jsonl").toString()), "missing.jsonl");
        assertUserError(CliRun.of("eval", "--model", tmp.resolve("nomodel").toString(), "--task", "linear"), "nomodel");
        assertUserError(CliRun.of("eval", "--model", model, "--task", "linear", "--k", "4", "--pass-at", "1,8"), "pass@8");
        assertUserError(CliRun.of("eval", "--model", model, "--task", "riddles"), "unknown problem generator");
        assertUserError(CliRun.of("eval", "--baseline-model", base, "--responses", "x.jsonl"), "--baseline-model needs --model");
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"a\", \"response\": \"4\", \"answer\": 4}\n{\"id\": \"b\"}\n");
        assertUserError(CliRun.of("eval", "--responses", bad.toString(), "--out", tmp.resolve("bad-out").toString()), "bad.jsonl:2");
        assertUserError(CliRun.of("eval", "--compare", tmp.resolve("x").toString(), tmp.resolve("y").toString()), "evaluation directory not found");
        Path badData = tmp.resolve("bad-data.jsonl");
        Files.writeString(badData, "{\"question\": \"1+1?\", \"answer\": \"#### 2\"}\n{\"question\": \"2+2?\"}\n");
        assertUserError(CliRun.of("eval", "--model", model, "--data", badData.toString(), "--preset", "gsm8k"), "bad-data.jsonl:2");
    }

    @Test
    void helpListsTheModes() {
        CliRun help = CliRun.of("eval", "--help");
        assertEquals(0, help.exitCode());
        for (String flag : List.of("--model", "--baseline-model", "--responses", "--compare", "--task", "--pass-at", "--greedy")) {
            assertTrue(help.out().contains(flag), flag);
        }
    }

    private static void assertUserError(CliRun run, String fragment) {
        assertEquals(Main.USER_ERROR, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(fragment), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }
}
