package dev.reason4j.experiments.cli;

import dev.reason4j.experiments.config.ExperimentConfigs;
import dev.reason4j.experiments.config.LoadedConfig;
import dev.reason4j.experiments.run.DryRun;
import dev.reason4j.experiments.run.ExperimentEvaluator;
import dev.reason4j.experiments.run.RunEvaluators;
import dev.reason4j.experiments.run.TrainRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code train}: a GRPO experiment from a YAML config, end to end. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Run a GRPO experiment described by a YAML config (see experiments/configs/).",
            "Writes runs/<name>/: config.yaml (resolved), metrics.jsonl, samples.jsonl, checkpoints/, eval/, report.md.",
            "Progress goes to stderr; the last line on stdout is one JSON object with the run's summary."})
public final class TrainCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "The experiment config.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. --set grpo.beta=0.04 --set rollout.stop=[</answer>] (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "Validate everything (files, config.json shapes, rewards, lengths, memory) and print a JSON summary; train nothing.")
    boolean dryRun;

    @Option(names = "--resume", description = "Continue from the run directory's newest checkpoint (required when it has checkpoints).")
    boolean resume;

    /** Evaluates the held-out problems before, during and after training. */
    RunEvaluators evaluators = ExperimentEvaluator.factory();

    @Override
    public Integer call() {
        LoadedConfig loaded = ExperimentConfigs.load(config, overrides);
        Map<String, Object> result;
        if (dryRun) {
            result = DryRun.summarize(loaded);
        } else {
            Threads.configure(loaded.config().threads());
            result = new TrainRun(loaded, spec.commandLine().getErr(), evaluators).execute(resume);
        }
        spec.commandLine().getOut().println(Json.line(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
