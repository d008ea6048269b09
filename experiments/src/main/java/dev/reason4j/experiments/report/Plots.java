package dev.reason4j.experiments.report;

import dev.reason4j.core.Reason4jException;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PNG line charts of a run's metrics over steps, in {@code <run>/plots/}: {@code reward.png} (mean
 * ± one standard deviation across a step's completions), {@code reward_components.png} (every
 * {@code reward/<component>}), {@code accuracy.png} (training accuracy and evaluation pass@1),
 * {@code completion_length.png} (mean and max), {@code kl.png} and {@code entropy.png}.
 *
 * <p>A chart is drawn only when the log has at least one of its series; a chart file left from an
 * earlier rendering whose series are now absent is removed, so the folder matches the report.
 * Rendering is headless and deterministic: the same log gives the same bytes.
 */
public final class Plots {
    private static final Logger LOG = LoggerFactory.getLogger(Plots.class);
    /** The plots folder, relative to the run directory (and so to {@code report.md}). */
    public static final String DIR = "plots";
    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;
    public static final String EVAL_PASS_AT_1 = "eval/pass@1";

    /**
     * A chart as written.
     *
     * @param fileName the PNG's name inside {@link #DIR}, e.g. {@code reward.png}
     * @param title    what the chart shows, for a caption
     */
    public record Plot(String fileName, String title) {
        /** The PNG's path relative to the run directory, with forward slashes (a Markdown link). */
        public String relativePath() {
            return DIR + "/" + fileName;
        }
    }

    private record Drawn(Plot plot, Optional<LineChart> chart) {
    }

    private record Banded(Series centre, Series spread) {
    }

    private Plots() {
    }

    /** Draws every chart whose series {@code log} has into {@code runDir/plots/}; returns them in report order. */
    public static List<Plot> write(MetricsLog log, Path runDir) {
        Path dir = runDir.resolve(DIR);
        List<Plot> written = new ArrayList<>();
        for (Drawn drawn : List.of(reward(log), rewardComponents(log), accuracy(log), completionLength(log),
                single(log, "kl", "kl.png", "KL divergence to the reference policy", "KL"),
                single(log, "entropy", "entropy.png", "Policy entropy", "entropy per token"))) {
            Path file = dir.resolve(drawn.plot().fileName());
            if (drawn.chart().isPresent()) {
                AtomicFiles.write(file, png(drawn.chart().get(), file));
                written.add(drawn.plot());
            } else {
                deleteStale(file);
            }
        }
        LOG.info("wrote {} plots to {}", written.size(), dir);
        return written;
    }

    private static Drawn reward(MetricsLog log) {
        Plot plot = new Plot("reward.png", "Reward (mean over a step's completions, ± 1 std)");
        Series mean = log.series("reward_mean");
        if (mean.isEmpty()) {
            return new Drawn(plot, Optional.empty());
        }
        LineChart chart = chart(plot, "reward");
        Banded banded = centreAndSpread(log, "reward_mean", "reward_std");
        if (banded.centre().size() > 1) {
            chart.band("± 1 std", banded.centre(), banded.spread(), new Color(0x0072B2));
        }
        chart.line("reward mean", mean);
        return new Drawn(plot, Optional.of(chart));
    }

    private static Drawn rewardComponents(MetricsLog log) {
        Plot plot = new Plot("reward_components.png", "Reward components (mean over a step's completions)");
        List<String> components = log.rewardComponents();
        if (components.isEmpty()) {
            return new Drawn(plot, Optional.empty());
        }
        LineChart chart = chart(plot, "reward");
        components.forEach(key -> chart.line(key.substring(MetricsLog.REWARD_COMPONENT_PREFIX.length()), log.series(key)));
        return new Drawn(plot, Optional.of(chart));
    }

    private static Drawn accuracy(MetricsLog log) {
        Plot plot = new Plot("accuracy.png", "Accuracy: training completions, and evaluation pass@1");
        Series train = log.series("accuracy");
        Series eval = log.evalSeries(EVAL_PASS_AT_1);
        if (train.isEmpty() && eval.isEmpty()) {
            return new Drawn(plot, Optional.empty());
        }
        LineChart chart = chart(plot, "fraction correct");
        chart.unitInterval();
        if (!train.isEmpty()) {
            chart.line("train accuracy", train);
        }
        if (!eval.isEmpty()) {
            chart.points("eval pass@1", eval);
        }
        return new Drawn(plot, Optional.of(chart));
    }

    private static Drawn completionLength(MetricsLog log) {
        Plot plot = new Plot("completion_length.png", "Completion length (tokens)");
        Series mean = log.series("completion_length_mean");
        Series max = log.series("completion_length_max");
        if (mean.isEmpty() && max.isEmpty()) {
            return new Drawn(plot, Optional.empty());
        }
        LineChart chart = chart(plot, "tokens");
        if (!mean.isEmpty()) {
            chart.line("mean", mean);
        }
        if (!max.isEmpty()) {
            chart.line("max", max);
        }
        return new Drawn(plot, Optional.of(chart));
    }

    private static Drawn single(MetricsLog log, String key, String fileName, String title, String yAxis) {
        Plot plot = new Plot(fileName, title);
        Series series = log.series(key);
        if (series.isEmpty()) {
            return new Drawn(plot, Optional.empty());
        }
        LineChart chart = chart(plot, yAxis);
        chart.line(key, series);
        return new Drawn(plot, Optional.of(chart));
    }

    /** The centre and spread series restricted to the steps that logged both. */
    private static Banded centreAndSpread(MetricsLog log, String centreKey, String spreadKey) {
        List<MetricsRow> both = log.training().stream()
                .filter(r -> r.get(centreKey).isPresent() && r.get(spreadKey).isPresent()).toList();
        double[] steps = both.stream().mapToDouble(MetricsRow::step).toArray();
        double[] centre = both.stream().mapToDouble(r -> r.get(centreKey).getAsDouble()).toArray();
        double[] spread = both.stream().mapToDouble(r -> r.get(spreadKey).getAsDouble()).toArray();
        return new Banded(new Series(centreKey, steps, centre), new Series(spreadKey, steps, spread));
    }

    private static LineChart chart(Plot plot, String yAxis) {
        return new LineChart(plot.title(), yAxis, WIDTH, HEIGHT);
    }

    private static byte[] png(LineChart chart, Path file) {
        try {
            return chart.png();
        } catch (IOException e) {
            throw new Reason4jException("cannot render " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteStale(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("removed {}: the metrics it showed are no longer in the log", file);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the stale plot {}: {}", file, e.getMessage());
        }
    }
}
