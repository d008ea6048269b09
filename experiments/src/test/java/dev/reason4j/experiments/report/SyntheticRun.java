package dev.reason4j.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run directory as a trainer leaves it, with numbers a test can work out by hand: at step s
 * (1..{@link #STEPS}) reward_mean = s/100, accuracy = s/50, kl = s/1000; an evaluation every 10 steps
 * with pass@1 = step/40; samples at steps 29 and 30 with rewards 0.0..0.7 (one completion quotes a
 * fenced code block).
 */
public final class SyntheticRun {
    public static final int STEPS = 30;
    public static final String FENCED_COMPLETION = "<think>I will write code:\n```python\nprint(7)\n```\n</think>\n<answer>7</answer>";

    private SyntheticRun() {
    }

    /** Writes every input a report reads into {@code dir}. */
    public static void write(Path dir) {
        write(dir.resolve("config.yaml"), String.join("\n",
                "# resolved by reason4j",
                "model:",
                "  path: models/base",
                "rollout:",
                "  group_size: 8",
                "  temperature: 0.6",
                "grpo:",
                "  learning_rate: 2e-5",
                "  beta: 0.04",
                "rewards:",
                "  - {name: accuracy, weight: 1.0}",
                "  - {name: format, weight: 0.2}",
                ""));
        write(dir.resolve("metrics.jsonl"), metricsLines());
        write(dir.resolve("samples.jsonl"), sampleLines());
        write(dir.resolve("eval/before/summary.json"),
                "{\"pass@1\": 0.42, \"pass@8\": 0.8, \"maj@8\": 0.5, \"format\": 0.93, \"greedy_accuracy\": 0.4, \"problems\": 500}");
        write(dir.resolve("eval/after/summary.json"),
                "{\"pass@1\": 0.67, \"pass@8\": 0.9, \"maj@8\": 0.7, \"format\": 0.99, \"greedy_accuracy\": 0.7, \"problems\": 500}");
    }

    static String metricsLines() {
        StringBuilder lines = new StringBuilder();
        for (int s = 1; s <= STEPS; s++) {
            lines.append(String.format(Locale.ROOT, "{\"step\": %d, \"reward_mean\": %s, \"reward_std\": 0.1, "
                    + "\"reward/accuracy\": %s, \"reward/format\": 0.9, \"accuracy\": %s, "
                    + "\"completion_length_mean\": %d, \"completion_length_max\": %d, \"kl\": %s, \"entropy\": %s, "
                    + "\"learning_rate\": 2e-5, \"time/rollout\": 1.5}%n",
                    s, s / 100.0, s / 120.0, s / 50.0, 40 + s, 80 + 2 * s, s / 1000.0, 1.0 - s / 100.0));
            if (s % 10 == 0) {
                lines.append(String.format(Locale.ROOT, "{\"event\": \"eval\", \"step\": %d, \"eval/pass@1\": %s, \"eval/format\": 0.95}%n",
                        s, s / 40.0));
            }
        }
        return lines.toString();
    }

    static String sampleLines() {
        List<String> lines = new ArrayList<>();
        int id = 0;
        for (int step = 29; step <= 30; step++) {
            for (int i = 0; i < 8; i++) {
                double reward = i / 10.0;
                String completion = i == 7 && step == 30 ? FENCED_COMPLETION : "<think>step " + step + " try " + i + "</think><answer>" + i + "</answer>";
                lines.add(String.format(Locale.ROOT,
                        "{\"step\": %d, \"problem_id\": \"p%d\", \"prompt\": \"What is 3 + 4?\", \"completion\": %s, \"reward\": %s, \"correct\": %s}",
                        step, id++, json(completion), reward, reward >= 0.7));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String text) {
        try {
            return JsonLines.MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
