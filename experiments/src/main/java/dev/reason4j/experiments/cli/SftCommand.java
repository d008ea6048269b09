package dev.reason4j.experiments.cli;

import ai.djl.Device;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.config.ExperimentConfigs;
import dev.reason4j.experiments.config.LoadedConfig;
import dev.reason4j.experiments.run.ExperimentData;
import dev.reason4j.experiments.run.PolicyModels;
import dev.reason4j.experiments.run.ProgressBar;
import dev.reason4j.experiments.run.RunDirectory;
import dev.reason4j.experiments.run.SftRun;
import dev.reason4j.model.Devices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sft}: only the supervised warm start of an experiment. */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = {"Run only the supervised warm start (the config's sft section) and save the model in HF layout",
            "to runs/<name>/sft-model/; a later `train` of the same config starts from it.",
            "The last line on stdout is one JSON object: the model directory, examples, steps, per-epoch losses."})
public final class SftCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "The experiment config (needs an sft section; `sft: {}` for defaults).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing runs/<name>/sft-model/.")
    boolean force;

    @Override
    public Integer call() {
        LoadedConfig loaded = ExperimentConfigs.load(config, overrides);
        if (loaded.config().sft() == null) {
            throw new Reason4jException(config + " has no sft section; add `sft: {}` for the defaults (or --set sft.epochs=3)");
        }
        Path target = loaded.config().runDir().resolve(SftRun.SFT_MODEL);
        if (Files.exists(target) && !force) {
            throw new Reason4jException(target + " already exists; pass --force to replace it, or give this run another name (--set name=...)");
        }
        Threads.configure(loaded.config().threads());
        Path runDir = RunDirectory.prepare(loaded, true);
        ExperimentData data = ExperimentData.load(loaded.config(), loaded.locations());
        Device device = Devices.parse(loaded.config().device());
        Path base = PolicyModels.baseModelDir(loaded.config(), runDir);
        ProgressBar bar = ProgressBar.forStderr(spec.commandLine().getErr(), "sft");
        long total = SftRun.optimizerSteps(loaded.config().sft(), data.train().size());
        SftRun.Result r = SftRun.run(loaded.config(), base, data.train(), target, device, step -> bar.step(step, Math.max(step, total), Map.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_dir", runDir.toString());
        out.put("model", r.model().toString());
        out.put("examples", r.examples());
        out.put("skipped", r.skipped());
        out.put("optimizer_steps", r.optimizerSteps());
        out.put("epoch_loss", r.epochLoss());
        spec.commandLine().getOut().println(Json.line(out));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
