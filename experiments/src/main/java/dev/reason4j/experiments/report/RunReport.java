package dev.reason4j.experiments.report;

import dev.reason4j.core.Reason4jException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run directory's {@code report.md} and its {@code plots/}: the configuration, the final
 * metrics, the evaluation before and after training, the plots, and sample completions good and bad.
 *
 * <p>Every input is optional ({@code config.yaml}, {@code metrics.jsonl}, {@code samples.jsonl},
 * {@code eval/before/summary.json}, {@code eval/after/summary.json}): a missing one leaves a note in its
 * section. An input that is present but corrupt fails with a {@link Reason4jException} naming the file
 * (and line), except for the partial last line a killed writer leaves, which is skipped. The report
 * holds no timestamps, so the same run gives the same file; it is replaced atomically, so a reader never
 * sees half of it.
 */
public final class RunReport {
    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    public static final String FILE = "report.md";
    public static final String METRICS_FILE = "metrics.jsonl";

    private RunReport() {
    }

    /** (Re)writes {@code runDir/report.md} and {@code runDir/plots/}; returns the report's path. */
    public static Path write(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new Reason4jException("run directory " + runDir + " does not exist or is not a directory;"
                    + " give the folder a training run wrote (it holds metrics.jsonl and config.yaml)");
        }
        Path metricsFile = runDir.resolve(METRICS_FILE);
        boolean hasMetrics = Files.isRegularFile(metricsFile);
        MetricsLog log = hasMetrics ? MetricsLog.read(metricsFile) : MetricsLog.of(List.of());
        List<Plots.Plot> plots = Plots.write(log, runDir);
        String markdown = render(runDir, log, hasMetrics, plots);
        Path report = runDir.resolve(FILE);
        AtomicFiles.write(report, markdown.getBytes(StandardCharsets.UTF_8));
        LOG.info("wrote {}", report);
        return report;
    }

    /** The report's Markdown, for plots already written; reads the run's other files itself. */
    static String render(Path runDir, MetricsLog log, boolean hasMetrics, List<Plots.Plot> plots) {
        return header(runDir, log)
                + ConfigSection.render(runDir)
                + MetricsSection.render(log, hasMetrics)
                + EvalSection.render(runDir)
                + plotsSection(plots, hasMetrics)
                + SamplesSection.render(runDir);
    }

    private static String header(Path runDir, MetricsLog log) {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        StringBuilder md = new StringBuilder("# Run report: ").append(Markdown.text(name == null ? "/" : name.toString()))
                .append("\n\n");
        md.append("GRPO training run in ").append(Markdown.code(runDir.toString()));
        log.lastTraining().ifPresent(last -> md.append(", ").append(log.training().size()).append(" steps logged (last: step ")
                .append(last.step()).append(')'));
        return md.append(".\n\n").toString();
    }

    private static String plotsSection(List<Plots.Plot> plots, boolean hasMetrics) {
        StringBuilder md = new StringBuilder("## Plots\n\n");
        if (plots.isEmpty()) {
            return md.append(hasMetrics ? "_metrics.jsonl has none of the plotted metrics yet._\n\n"
                    : "_No metrics.jsonl: nothing to plot._\n\n").toString();
        }
        for (Plots.Plot plot : plots) {
            String title = Markdown.text(plot.title());
            md.append("### ").append(title).append("\n\n")
                    .append("![").append(title).append("](").append(plot.relativePath()).append(")\n\n");
        }
        return md.toString();
    }
}
