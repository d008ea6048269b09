package dev.reason4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Reason4jException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
    @TempDir
    Path dir;

    private MetricsLog read(String text) {
        Path file = dir.resolve("metrics.jsonl");
        SyntheticRun.write(file, text);
        return MetricsLog.read(file);
    }

    @Test
    void readsTrainingStepsAndEvalLinesApart() {
        MetricsLog log = read("""
                {"step": 1, "reward_mean": 0.25, "reward/accuracy": 0.5, "reward/format": 1.0, "kl": 0.0}
                {"event": "eval", "step": 1, "eval/pass@1": 0.4, "eval/format": 0.9}
                {"step": 2, "reward_mean": 0.75, "reward/format": 0.5, "note": "text is ignored"}
                """);
        assertEquals(List.of(1L, 2L), log.training().stream().map(MetricsRow::step).toList());
        assertEquals(List.of("reward_mean", "reward/accuracy", "reward/format", "kl"), log.trainingKeys());
        assertEquals(List.of("reward/accuracy", "reward/format"), log.rewardComponents());
        assertArrayEquals(new double[] {1, 2}, log.series("reward_mean").steps());
        assertArrayEquals(new double[] {0.25, 0.75}, log.series("reward_mean").values());
        assertArrayEquals(new double[] {1}, log.series("reward/accuracy").steps());
        assertEquals(1, log.evals().size());
        assertEquals(0.4, log.evalSeries("eval/pass@1").values()[0]);
        assertTrue(log.series("entropy").isEmpty());
    }

    @Test
    void truncatedLastLineIsSkippedAndTheRestKept() {
        MetricsLog log = read("{\"step\": 1, \"kl\": 0.1}\n\n{\"step\": 2, \"kl\": 0.2}\n{\"step\": 3, \"kl\": 0.");
        assertEquals(List.of(1L, 2L), log.training().stream().map(MetricsRow::step).toList());
    }

    @Test
    void malformedMiddleLineFailsNamingFileAndLine() {
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> read("{\"step\": 1, \"kl\": 0.1}\n\n{\"step\": 2, \"kl\": }\n{\"step\": 3, \"kl\": 0.3}\n"));
        assertTrue(e.getMessage().contains("metrics.jsonl:3:"), e.getMessage());
    }

    @Test
    void lineThatIsNotAnObjectFailsNamingItsLine() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> read("{\"step\": 1}\n[1, 2]\n{\"step\": 3}\n"));
        assertTrue(e.getMessage().contains("metrics.jsonl:2:"), e.getMessage());
    }

    @Test
    void lineWithoutAWholeNumberStepFailsNamingItsLine() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> read("{\"step\": 1}\n{\"step\": 1.5, \"kl\": 0}\n"));
        assertTrue(e.getMessage().contains("metrics.jsonl:2:") && e.getMessage().contains("\"step\""), e.getMessage());
    }

    @Test
    void laterLineForTheSameStepWinsAsAfterAResume() {
        MetricsLog log = read("""
                {"step": 1, "kl": 0.1}
                {"step": 2, "kl": 0.2}
                {"step": 2, "kl": 0.25}
                {"step": 3, "kl": 0.3}
                """);
        assertArrayEquals(new double[] {0.1, 0.25, 0.3}, log.series("kl").values());
    }

    @Test
    void meanOfLastCountsOnlyTheLastStepsThatLoggedTheKey() {
        MetricsLog log = read("""
                {"step": 1, "accuracy": 0.9}
                {"step": 2, "accuracy": 0.2}
                {"step": 3}
                {"step": 4, "accuracy": 0.6}
                """);
        // The last 3 steps are 2, 3, 4; step 3 has no accuracy: (0.2 + 0.6) / 2.
        assertEquals(0.4, log.meanOfLast("accuracy", 3).getAsDouble(), 1e-12);
        assertEquals(0.6, log.meanOfLast("accuracy", 1).getAsDouble(), 1e-12);
        assertEquals((0.9 + 0.2 + 0.6) / 3, log.meanOfLast("accuracy", 10).getAsDouble(), 1e-12);
        assertTrue(log.meanOfLast("kl", 10).isEmpty());
    }

    @Test
    void nonFiniteValuesAreKeptInTheRowButLeftOutOfSeries() {
        MetricsLog log = read("""
                {"step": 1, "kl": NaN}
                {"step": 2, "kl": "NaN"}
                {"step": 3, "kl": 0.5, "entropy": null}
                """);
        assertTrue(Double.isNaN(log.training().get(0).values().get("kl")));
        assertArrayEquals(new double[] {3}, log.series("kl").steps());
        assertTrue(log.series("entropy").isEmpty());
    }
}
