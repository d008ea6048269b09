package dev.reason4j.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code bench}: throughput measurements, one JSON line each. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchRolloutCommand.class, BenchTrainCommand.class, BenchVerifyCommand.class},
        description = "Measure throughput; each subcommand prints one JSON line.")
public final class BenchCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USER_ERROR;
    }
}
