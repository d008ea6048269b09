package dev.reason4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    private static final List<String> ALL = List.of("reward.png", "reward_components.png", "accuracy.png",
            "completion_length.png", "kl.png", "entropy.png");
    private static final int FIRST_SERIES_RGB = 0x0072B2;

    @TempDir
    Path run;

    private MetricsLog log(String text) {
        SyntheticRun.write(run.resolve("metrics.jsonl"), text);
        return MetricsLog.read(run.resolve("metrics.jsonl"));
    }

    @Test
    void writesEveryChartAsAPngOfTheConfiguredSize() throws IOException {
        List<Plots.Plot> plots = Plots.write(log(SyntheticRun.metricsLines()), run);
        assertEquals(ALL, plots.stream().map(Plots.Plot::fileName).toList());
        for (String name : ALL) {
            BufferedImage image = ImageIO.read(run.resolve("plots").resolve(name).toFile());
            assertEquals(Plots.WIDTH, image.getWidth(), name);
            assertEquals(Plots.HEIGHT, image.getHeight(), name);
        }
    }

    @Test
    void drawsOnlyTheChartsWhoseSeriesThePresentLogHas() {
        List<Plots.Plot> plots = Plots.write(log("""
                {"step": 1, "kl": 0.01}
                {"step": 2, "kl": 0.02}
                {"event": "eval", "step": 2, "eval/pass@1": 0.5}
                """), run);
        assertEquals(List.of("accuracy.png", "kl.png"), plots.stream().map(Plots.Plot::fileName).toList());
        assertEquals(Set.of("accuracy.png", "kl.png"), filesIn(run.resolve("plots")));
    }

    @Test
    void chartShowsItsDataNotABlankCanvas() throws IOException {
        Plots.write(log(SyntheticRun.metricsLines()), run);
        BufferedImage image = ImageIO.read(run.resolve("plots/reward.png").toFile());
        Set<Integer> colours = new HashSet<>();
        int lineColoured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                lineColoured += rgb == FIRST_SERIES_RGB ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
        assertTrue(lineColoured > 200, "the reward line covers only " + lineColoured + " pixels");
    }

    @Test
    void sameLogGivesTheSameBytes() throws IOException {
        MetricsLog log = log(SyntheticRun.metricsLines());
        Plots.write(log, run);
        byte[] first = Files.readAllBytes(run.resolve("plots/reward.png"));
        Plots.write(log, run);
        assertArrayEquals(first, Files.readAllBytes(run.resolve("plots/reward.png")));
    }

    @Test
    void chartWhoseSeriesIsGoneIsRemovedOnRewrite() {
        Plots.write(log(SyntheticRun.metricsLines()), run);
        Plots.write(log("{\"step\": 1, \"reward_mean\": 0.5}\n"), run);
        assertEquals(Set.of("reward.png"), filesIn(run.resolve("plots")));
    }

    @Test
    void constantAndSinglePointSeriesStillDraw() throws IOException {
        Plots.write(log("""
                {"step": 1, "kl": 0.0, "entropy": 2.0}
                {"step": 2, "kl": 0.0}
                """), run);
        assertEquals(Plots.WIDTH, ImageIO.read(run.resolve("plots/kl.png").toFile()).getWidth());
        assertEquals(Plots.WIDTH, ImageIO.read(run.resolve("plots/entropy.png").toFile()).getWidth());
    }

    @Test
    void emptyLogDrawsNothing() {
        assertTrue(Plots.write(MetricsLog.of(List.of()), run).isEmpty());
        assertFalse(Files.exists(run.resolve("plots/reward.png")));
    }

    private static Set<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
