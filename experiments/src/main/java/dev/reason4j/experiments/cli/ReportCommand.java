package dev.reason4j.experiments.cli;

import dev.reason4j.experiments.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reason4j report RUN_DIR}: (re)writes a run's report.md and plots, e.g. while it trains or after. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)write RUN_DIR/report.md and RUN_DIR/plots/*.png from the run's config.yaml, metrics.jsonl,"
                + " samples.jsonl and eval/{before,after}/summary.json (each optional).",
            "Prints {\"report\": PATH} as one JSON line."})
public final class ReportCommand implements Callable<Integer>, Subcommand {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory a training run wrote.")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path report = RunReport.write(runDir);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.line(Map.of("report", report.toAbsolutePath().normalize().toString())));
        out.flush();
        return 0;
    }
}
