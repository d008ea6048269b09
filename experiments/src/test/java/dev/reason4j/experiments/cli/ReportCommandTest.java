package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.experiments.report.SyntheticRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path run;

    @Test
    void writesReportAndPlotsAndPrintsTheReportPathAsOneJsonLine() throws IOException {
        SyntheticRun.write(run);
        CliRun result = CliRun.of("report", run.toString());
        assertEquals(0, result.exitCode(), result.err());
        Path report = run.resolve("report.md").toAbsolutePath().normalize();
        assertEquals("{\"report\":\"" + report + "\"}" + System.lineSeparator(), result.out());
        String md = Files.readString(report);
        assertTrue(md.contains("| `pass@1` | 0.42 | 0.67 | +0.25 |"), md);
        BufferedImage reward = ImageIO.read(run.resolve("plots/reward.png").toFile());
        assertEquals(900, reward.getWidth());
    }

    @Test
    void missingRunDirectoryIsAUserErrorNamingIt() {
        CliRun result = CliRun.of("report", run.resolve("absent").toString());
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertTrue(result.err().startsWith("error: ") && result.err().contains("absent"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void corruptMetricsLineIsAUserErrorNamingFileAndLine() throws IOException {
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\": 1}\n{oops}\n{\"step\": 3}\n");
        CliRun result = CliRun.of("report", run.toString());
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("metrics.jsonl:2:"), result.err());
    }

    @Test
    void helpNamesTheArgument() {
        CliRun result = CliRun.of("report", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("RUN_DIR"), result.out());
    }
}
