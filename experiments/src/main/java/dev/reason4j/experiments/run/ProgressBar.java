package dev.reason4j.experiments.run;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A one-line progress display on stderr: step/total, a bar, the step's reward, accuracy, KL and
 * tokens/s, and the time left at the pace since the bar was made or {@link #restart restarted}. On a terminal the line is redrawn in place; when
 * stderr is a file or pipe, one line per step.
 */
public final class ProgressBar {
    private static final int WIDTH = 20;

    private final PrintWriter out;
    private final String label;
    private final boolean redraw;
    private long startNanos = System.nanoTime();
    private long startStep = -1;

    /**
     * @param label  what is counted ("grpo", "sft")
     * @param redraw redraw one line in place (a terminal) rather than print a line per step
     */
    public ProgressBar(PrintWriter out, String label, boolean redraw) {
        this.out = out;
        this.label = label;
        this.redraw = redraw;
    }

    /** A bar that redraws in place when the JVM has a console. */
    public static ProgressBar forStderr(PrintWriter out, String label) {
        return new ProgressBar(out, label, System.console() != null);
    }

    /** Starts the clock again: call it just before the first step when setting up took a while. */
    public void restart() {
        startNanos = System.nanoTime();
        startStep = -1;
    }

    /** Shows step {@code step} of {@code total} with the named metrics (numbers; others are ignored). */
    public void step(long step, long total, Map<String, ?> metrics) {
        long now = System.nanoTime();
        if (startStep < 0) {
            startStep = step - 1; // the clock started with the bar, before this step's work
        }
        out.print((redraw ? "\r" : "") + line(step, total, metrics, (now - startNanos) / 1e9, step - startStep));
        if (!redraw || step >= total) {
            out.println();
        }
        out.flush();
    }

    /** The text of one update; {@code done} steps took {@code elapsedS} seconds. */
    String line(long step, long total, Map<String, ?> metrics, double elapsedS, long done) {
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * step / total);
        StringBuilder s = new StringBuilder(label).append(' ').append(step).append('/').append(total)
                .append(" [").append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append(']');
        append(s, "reward", metrics.get("reward_mean"), "%.3f");
        append(s, "acc", metrics.get("accuracy"), "%.3f");
        append(s, "kl", metrics.get("kl"), "%.4f");
        append(s, "loss", metrics.get("loss"), "%.4f");
        Object tokens = metrics.get("rollout_tokens_per_s");
        append(s, "tok/s", tokens, "%.0f");
        if (done > 0 && step < total) {
            s.append("  ETA ").append(duration(elapsedS / done * (total - step)));
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, Object value, String format) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            s.append("  ").append(name).append(' ').append(String.format(java.util.Locale.ROOT, format, n.doubleValue()));
        }
    }

    /** 75 → "1m15s", 3700 → "1h01m". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
