package dev.reason4j.experiments.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Problem;
import dev.reason4j.experiments.cli.CliRun;
import dev.reason4j.verifiers.math.MathVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theWholePipelineRunsAtTinyScaleAndEndsWithTheSummaryLine(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("qs");
        CliRun r = CliRun.of("quickstart", "--tiny", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().trim().split("\n");
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        for (String key : List.of("accuracy_before", "accuracy_after", "format_before", "format_after", "wall_s", "report")) {
            assertTrue(last.has(key), "summary has " + key + ": " + last);
        }
        assertTrue(Files.exists(run.resolve("report.md")));
        assertTrue(Files.exists(run.resolve("metrics.jsonl")));
        assertTrue(Files.exists(run.resolve("eval/before/summary.json")) && Files.exists(run.resolve("eval/after/summary.json")));
        assertTrue(Files.exists(run.resolve("base-model/model.safetensors")));
        assertEquals(JSON.readTree(Files.readString(run.resolve("eval/before/summary.json"))).get("pass_at_1").asDouble(),
                last.get("accuracy_before").asDouble(), 1e-12);
    }

    /**
     * The CI check: a short quickstart (a smaller warm start on 3-number chains, 40 GRPO steps) at
     * a fixed seed must raise the mean reward of its last 5 steps at least 0.15 above its first 5. What
     * rises is the share of completions that work the chain out instead of estimating.
     */
    @Test
    void aShortRunAtAFixedSeedRaisesTheRewardByAtLeastFifteenHundredths(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("short");
        CliRun r = CliRun.of(concat(new String[] {"quickstart", "--out", run.toString()}, SHORT_RUN));
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> steps = Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(QuickstartTest::json).filter(n -> n.has("reward_mean")).toList();
        assertEquals(40, steps.size());
        double first = meanReward(steps.subList(0, 5));
        double last = meanReward(steps.subList(steps.size() - 5, steps.size()));
        assertTrue(last - first >= 0.15, "mean reward of the first 5 steps " + first + ", of the last 5 " + last);
        double lengthFirst = steps.subList(0, 5).stream().mapToDouble(n -> n.get("completion_length_mean").asDouble()).average().orElseThrow();
        double lengthLast = steps.subList(35, 40).stream().mapToDouble(n -> n.get("completion_length_mean").asDouble()).average().orElseThrow();
        assertTrue(lengthLast > lengthFirst, "completions grow as the policy works chains out: " + lengthFirst + " → " + lengthLast);
    }

    /** The quickstart as the README runs it (about 5 minutes on 2 cores): the targets, not its timing. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void theDefaultQuickstartGainsAtLeast25PointsWithTheFormatAlreadyRight(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("quickstart", "--out", tmp.resolve("qs").toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().trim().split("\n");
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        double before = last.get("accuracy_before").asDouble();
        double after = last.get("accuracy_after").asDouble();
        assertTrue(after - before >= 0.25, "held-out pass@1 " + before + " → " + after);
        assertTrue(last.get("format_before").asDouble() >= 0.90, "base format " + last.get("format_before"));
        assertTrue(last.get("format_after").asDouble() >= 0.95, "trained format " + last.get("format_after"));
    }

    /** The short run's settings, on top of the quickstart's defaults. */
    static final String[] SHORT_RUN = {"--set", "terms=3", "--set", "slipRate=0", "--set", "directRate=0.7", "--set", "trainProblems=20000",
        "--set", "sftExamples=16000", "--set", "sftEpochs=3", "--set", "heldOut=50", "--set", "evalK=1", "--set", "grpoSteps=40",
        "--set", "maxNewTokens=32", "--set", "learningRate=2e-4"};

    private static double meanReward(List<JsonNode> steps) {
        return steps.stream().mapToDouble(n -> n.get("reward_mean").asDouble()).average().orElseThrow();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void everyScratchpadLineIsTheChainOneStepShorterWithTheSameValue() {
        ChainTask task = new ChainTask(4);
        MathVerifier verifier = new MathVerifier();
        for (Problem p : task.problems(500, 3, "p")) {
            String clean = (String) p.metadata().get("solution");
            assertTrue(verifier.verify("<think>" + clean, p.answer()).correct(), clean);
            List<String> lines = clean.lines().toList();
            assertEquals(4, lines.size(), clean); // 3 scratchpad lines, then the answer line
            for (int i = 0; i < 3; i++) {
                String line = lines.get(i);
                assertEquals(3 - i, line.split("[+-]").length, "line " + i + " has one number fewer than the one before: " + clean);
                assertEquals(Integer.parseInt(p.answer()), evaluate(line), "line " + i + " keeps the chain's value: " + clean);
            }
            assertEquals(p.answer(), lines.get(2));
        }
    }

    @Test
    void slipsOnlyHitCarriesAndMakeTheAnswerWrong() {
        ChainTask task = new ChainTask(4);
        MathVerifier verifier = new MathVerifier();
        SplittableRandom slips = new SplittableRandom(1);
        int slipped = 0;
        for (Problem p : task.problems(500, 3, "p")) {
            String clean = (String) p.metadata().get("solution");
            String noisy = task.noisySolution(p, slips, 1.0);
            if (!noisy.equals(clean)) {
                slipped++;
                assertFalse(verifier.verify("<think>" + noisy, p.answer()).correct(), "a forgotten carry changes the answer: " + noisy);
            }
        }
        assertTrue(slipped > 250, "most 3-step chains need a carry somewhere: " + slipped);
        assertTrue(ChainTask.needsCarry(18, 5, true) && !ChainTask.needsCarry(12, 5, true));
        assertTrue(ChainTask.needsCarry(13, 5, false) && !ChainTask.needsCarry(7, 5, false) && !ChainTask.needsCarry(15, 3, false));
    }

    @Test
    void warmStartResponsesEstimateAtTheDirectRateAndWorkItOutOtherwise() {
        ChainTask task = new ChainTask(4);
        MathVerifier verifier = new MathVerifier();
        SplittableRandom rng = new SplittableRandom(2);
        int direct = 0;
        int directRight = 0;
        List<Problem> problems = task.problems(2000, 4, "p");
        for (Problem p : problems) {
            String response = task.warmStartResponse(p, rng, 0.0, 0.7);
            boolean right = verifier.verify("<think>" + response, p.answer()).correct();
            if (response.startsWith("</think>")) {
                direct++;
                int value = Integer.parseInt(p.answer());
                int estimate = Integer.parseInt(response.replaceAll("\\D", ""));
                assertEquals(0, estimate % 5, response);
                assertTrue(Math.abs(estimate - value) <= 2, "an estimate is within 2 of the value: " + response + " for " + value);
                assertEquals(value % 5 == 0, right, response + " for " + value);
                directRight += right ? 1 : 0;
            } else {
                assertEquals(p.metadata().get("solution"), response);
                assertTrue(right, response);
            }
        }
        assertEquals(0.7, direct / 2000.0, 0.03, "quick answers at the direct rate");
        assertTrue(directRight < 0.35 * direct, "estimates are mostly wrong: " + directRight + " of " + direct);
        assertEquals(List.of(0, 0, 0, 5, 5, 10, 20, 25, 25), java.util.stream.IntStream.of(0, 1, 2, 3, 5, 12, 22, 23, 27)
                .map(ChainTask::estimate).boxed().toList());
        Problem p = problems.get(0);
        assertEquals(p.metadata().get("solution"), task.warmStartResponse(p, rng, 0.0, 0.0));
        assertTrue(task.warmStartResponse(p, rng, 0.0, 1.0).startsWith("</think><answer>"));
    }

    /** Left-to-right value of a chain like {@code 12-7+8}. */
    private static int evaluate(String chain) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?)(\\d+)").matcher(chain);
        int value = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            value += m.group(1).equals("-") ? -n : n;
        }
        return value;
    }
}
