package dev.reason4j.experiments.cli;

import dev.reason4j.core.Reason4jException;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code reason4j} command line. Results go to stdout, logs and progress to stderr. A user error
 * ({@link Reason4jException}) prints its message alone and exits 2; {@code --debug} adds the trace.
 */
@Command(name = "reason4j", mixinStandardHelpOptions = true, version = "reason4j 0.1.0",
        description = "R1-style reasoning RL (GRPO) for causal language models, on the JVM.",
        subcommandsRepeatable = false)
public final class Main implements Runnable {
    static final int USER_ERROR = 2;

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every {@link Subcommand} found on the class path. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (Subcommand sub : ServiceLoader.load(Subcommand.class)) {
            cli.addSubcommand(sub);
        }
        cli.setExecutionExceptionHandler(Main::handleError);
        return cli;
    }

    private static int handleError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug") || hasDebugInChain(parsed);
        PrintWriter err = cli.getErr();
        if (e instanceof Reason4jException || e instanceof java.io.UncheckedIOException) {
            err.println("error: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        }
        err.println("internal error: " + e);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return 1;
    }

    private static boolean hasDebugInChain(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
