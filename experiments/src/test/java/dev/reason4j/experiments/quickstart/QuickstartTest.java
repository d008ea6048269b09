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

    @Test
    void cleanSolutionsVerifyAndSlipsOnlyHitCarriesAndMakeTheAnswerWrong() {
        ChainTask task = new ChainTask(4);
        MathVerifier verifier = new MathVerifier();
        SplittableRandom slips = new SplittableRandom(1);
        int slipped = 0;
        for (Problem p : task.problems(500, 3, "p")) {
            String clean = (String) p.metadata().get("solution");
            assertTrue(verifier.verify("<think>" + clean, p.answer()).correct(), clean);
            String noisy = task.noisySolution(p, slips, 1.0);
            boolean anyCarry = clean.lines().anyMatch(l -> l.contains("="));
            if (!noisy.equals(clean)) {
                slipped++;
                assertFalse(verifier.verify("<think>" + noisy, p.answer()).correct(), "a forgotten carry changes the answer: " + noisy);
            }
            assertTrue(anyCarry);
        }
        assertTrue(slipped > 250, "most 3-step chains need a carry somewhere: " + slipped);
        assertTrue(ChainTask.needsCarry(18, 5, true) && !ChainTask.needsCarry(12, 5, true));
        assertTrue(ChainTask.needsCarry(13, 5, false) && !ChainTask.needsCarry(7, 5, false) && !ChainTask.needsCarry(15, 3, false));
    }
}
