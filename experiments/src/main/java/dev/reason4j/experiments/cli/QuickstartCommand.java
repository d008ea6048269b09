package dev.reason4j.experiments.cli;

import dev.reason4j.experiments.quickstart.Quickstart;
import dev.reason4j.experiments.quickstart.QuickstartSettings;
import dev.reason4j.grpo.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quickstart}: the main job on embedded defaults (CPU, no network). */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Build a small base model, evaluate it, train it with GRPO, evaluate again and write a report (CPU, no network).")
public final class QuickstartCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "Run directory (default: runs/quickstart, or the next free runs/quickstart-N).")
    Path out;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", description = "Change an embedded setting, e.g. --set grpoSteps=120 (repeatable).")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--tiny", hidden = true, description = "A seconds-long version of the pipeline (for tests).")
    boolean tiny;

    @Override
    public Integer call() throws Exception {
        Threads.configure(threads);
        Path runDir = out != null ? out : freeRunDir();
        Files.createDirectories(runDir);
        PrintWriter err = spec.commandLine().getErr();
        err.println("reason4j quickstart → " + runDir);
        err.flush();
        QuickstartSettings settings = tiny ? QuickstartSettings.tiny() : QuickstartSettings.defaults();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq < 1) {
                throw new dev.reason4j.core.Reason4jException("--set needs key=value, got \"" + o + "\"");
            }
            settings = settings.with(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
        Quickstart.Result result = new Quickstart(settings, runDir,
                new ConsoleProgress(err)).run();
        err.println("report: " + result.report());
        err.flush();
        spec.commandLine().getOut().println(Json.line(Quickstart.summaryLine(result)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Path freeRunDir() {
        Path base = Path.of("runs", "quickstart");
        for (int i = 2; Files.exists(base); i++) {
            base = Path.of("runs", "quickstart-" + i);
        }
        return base;
    }

    /** A one-line progress bar on stderr. */
    static final class ConsoleProgress implements TrainingListener {
        private final PrintWriter err;
        private long started;
        private long firstStep;

        ConsoleProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onStep(long step, long total, Map<String, Object> m) {
            if (started == 0) {
                started = System.nanoTime();
                firstStep = step;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            double perStep = step > firstStep ? elapsed / (step - firstStep) : Double.NaN;
            int width = 24;
            int done = (int) (width * step / Math.max(1, total));
            err.printf("\r[%s%s] step %d/%d  reward %.3f  acc %.3f  len %.1f  %.0f tok/s  eta %.0fs ",
                    "#".repeat(done), ".".repeat(width - done), step, total, num(m.get("reward_mean")), num(m.get("accuracy")),
                    num(m.get("completion_length_mean")), num(m.get("rollout_tokens_per_s")),
                    perStep * (total - step));
            if (step == total) {
                err.println();
            }
            err.flush();
        }

        private static double num(Object o) {
            return o instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }
}
