package dev.reason4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    /** One full run, reported once, for the tests that only read the report. */
    @TempDir
    static Path shared;
    private static String report;

    @TempDir
    Path parent;

    @BeforeAll
    static void reportOnce() throws IOException {
        Path run = Files.createDirectory(shared.resolve("countdown-zero"));
        SyntheticRun.write(run);
        report = Files.readString(RunReport.write(run));
    }

    /** A fresh copy of the full run, for tests that change it. */
    private Path run() throws IOException {
        Path run = Files.createDirectory(parent.resolve("countdown-zero"));
        SyntheticRun.write(run);
        return run;
    }

    @Test
    void reportHasEverySectionInOrder() {
        String md = "\n" + report;
        List<String> headings = List.of("# Run report: countdown-zero", "## Configuration", "## Final metrics",
                "### Evaluations during training", "## Evaluation before and after training", "## Plots",
                "## Sample completions", "### Highest reward", "### Lowest reward");
        int at = -1;
        for (String heading : headings) {
            int next = md.indexOf("\n" + heading + "\n", at);
            assertTrue(next > at, heading + " missing or out of order in:\n" + md);
            at = next;
        }
    }

    @Test
    void configSettingsAreTabledAndTheFileIsFoldedBelow() {
        String md = report;
        assertTrue(md.contains("| `grpo.learning_rate` | `0.00002` |"), md);
        assertTrue(md.contains("| `rollout.group_size` | `8` |"), md);
        assertTrue(md.contains("| `rewards.1.name` | `format` |"), md);
        assertTrue(md.contains("<details><summary>Resolved config.yaml</summary>\n\n```yaml\n# resolved by reason4j\n"), md);
    }

    @Test
    void finalMetricsShowTheLastStepAndTheMeanOfTheLastTen() {
        String md = report;
        assertTrue(md.contains("| metric | last (step 30) | mean of last 10 steps |"), md);
        // reward_mean = s/100: last 0.3, mean over steps 21..30 = 0.255.
        assertTrue(md.contains("| `reward_mean` | 0.3 | 0.255 |"), md);
        // completion_length_max = 80 + 2s: last 140, mean 80 + 2 * 25.5 = 131.
        assertTrue(md.contains("| `completion_length_max` | 140 | 131 |"), md);
        assertTrue(md.indexOf("`reward/accuracy`") < md.indexOf("`reward/format`"));
        assertTrue(md.indexOf("| `reward_std`") < md.indexOf("| `kl`"));
        // Evaluations at steps 10, 20, 30 with pass@1 = step/40.
        assertTrue(md.contains("| `eval/pass@1` | 0.25 | 0.75 | +0.5 |"), md);
    }

    @Test
    void evalBeforeAfterTableShowsEveryKeyWithItsChange() {
        String md = report;
        assertTrue(md.contains("| metric | before | after | change |"), md);
        assertTrue(md.contains("| `pass@1` | 0.42 | 0.67 | +0.25 |"), md);
        assertTrue(md.contains("| `maj@8` | 0.5 | 0.7 | +0.2 |"), md);
        assertTrue(md.contains("| `greedy_accuracy` | 0.4 | 0.7 | +0.3 |"), md);
        assertTrue(md.contains("| `problems` | 500 | 500 | 0 |"), md);
    }

    @Test
    void plotsAreEmbeddedWithLinksRelativeToTheReport() {
        Path run = shared.resolve("countdown-zero");
        String md = report;
        for (String name : List.of("reward", "reward_components", "accuracy", "completion_length", "kl", "entropy")) {
            assertTrue(md.contains("](plots/" + name + ".png)\n"), name + " not linked");
            assertTrue(Files.isRegularFile(run.resolve("plots/" + name + ".png")), name + " not written");
        }
    }

    @Test
    void samplesShowTheThreeBestAndThreeWorstOfTheLastStep() {
        String md = report;
        String best = md.substring(md.indexOf("### Highest reward"), md.indexOf("### Lowest reward"));
        String worst = md.substring(md.indexOf("### Lowest reward"));
        // Step 30 holds p8..p15 with rewards 0.0..0.7; step 29 is not needed.
        assertEquals(List.of("p15", "p14", "p13"), problemIds(best));
        assertEquals(List.of("p8", "p9", "p10"), problemIds(worst));
        assertTrue(best.contains("#### problem `p15` · step 30 · reward 0.7 · correct"), best);
        assertTrue(worst.contains("#### problem `p8` · step 30 · reward 0 · wrong"), worst);
        assertTrue(md.contains("From step 30:"), md);
    }

    @Test
    void completionHoldingTripleBackticksIsFencedWithALongerFence() {
        String md = report;
        String block = "````text\n" + SyntheticRun.FENCED_COMPLETION + "\n````\n";
        assertTrue(md.contains(block), md);
    }

    @Test
    void emptyRunDirectoryGivesAReportOfNotesNotAnException() throws IOException {
        Path run = Files.createDirectory(parent.resolve("empty"));
        String md = Files.readString(RunReport.write(run));
        assertTrue(md.contains("_No config.yaml in the run directory"), md);
        assertTrue(md.contains("_No metrics.jsonl in the run directory"), md);
        assertTrue(md.contains("_No eval/before/summary.json or eval/after/summary.json"), md);
        assertTrue(md.contains("_No samples.jsonl in the run directory"), md);
        assertFalse(md.contains("!["), md);
    }

    @Test
    void oneMissingSummaryLeavesDashesAndANote() throws IOException {
        Path run = run();
        Files.delete(run.resolve("eval/before/summary.json"));
        String md = Files.readString(RunReport.write(run));
        assertTrue(md.contains("_No eval/before/summary.json: only the trained model's numbers are shown._"), md);
        assertTrue(md.contains("| `pass@1` | – | 0.67 | – |"), md);
    }

    @Test
    void corruptSummaryFailsNamingTheFile() throws IOException {
        Path run = run();
        SyntheticRun.write(run.resolve("eval/after/summary.json"), "{\"pass@1\": ");
        Reason4jException e = assertThrows(Reason4jException.class, () -> RunReport.write(run));
        assertTrue(e.getMessage().contains("summary.json"), e.getMessage());
    }

    @Test
    void rewritingTheSameRunGivesTheSameReportAndLeavesNoTemporaryFiles() throws IOException {
        Path run = run();
        byte[] first = Files.readAllBytes(RunReport.write(run));
        byte[] second = Files.readAllBytes(RunReport.write(run));
        assertArrayEquals(first, second);
        try (Stream<Path> all = Files.walk(run)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void missingRunDirectoryFailsNamingIt() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> RunReport.write(parent.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    private static List<String> problemIds(String section) {
        return section.lines().filter(l -> l.startsWith("#### problem `"))
                .map(l -> l.substring("#### problem `".length(), l.indexOf('`', "#### problem `".length()))).toList();
    }
}
