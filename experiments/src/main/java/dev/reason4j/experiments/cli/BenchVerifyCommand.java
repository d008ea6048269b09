package dev.reason4j.experiments.cli;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.code.CodeBench;
import dev.reason4j.verifiers.math.MathBench;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench verify}: math checks/s over the shipped case table and sandboxed code checks/s. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifier throughput: math answer checks/s and sandboxed code checks/s.")
public final class BenchVerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--math-checks", defaultValue = "20000", description = "Math checks to time (default: ${DEFAULT-VALUE}).")
    int mathChecks;

    @Option(names = "--code-checks", defaultValue = "40", description = "Code checks to time; 0 skips them (default: ${DEFAULT-VALUE}).")
    int codeChecks;

    @Option(names = "--threads", defaultValue = "2", description = "Checks in parallel (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (mathChecks < 1 || codeChecks < 0 || threads < 1) {
            throw new Reason4jException("bench verify needs --math-checks ≥ 1, --code-checks ≥ 0 and --threads ≥ 1");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", threads);
        out.put("math_checks_per_s", MathBench.checksPerSecond(mathChecks, threads));
        if (codeChecks > 0) {
            out.put("code_checks_per_s", CodeBench.checksPerSecond(codeChecks, threads));
        }
        spec.commandLine().getOut().println(Json.line(out));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
