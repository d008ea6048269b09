package dev.reason4j.verifiers.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Not a sandbox.</b> Runs the program directly on the host with rlimits, a cleared environment,
 * a new session and the wall-clock and output caps — nothing more: it can read and write whatever
 * the JVM's user can, use the network, and leave detached processes behind. Exists only for users
 * who cannot install bubblewrap and say so explicitly
 * ({@link CodeVerifierConfig#allowUnsafeLocal()}); every construction logs an error.
 */
public final class UnsafeLocalSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(UnsafeLocalSandbox.class);

    public UnsafeLocalSandbox() {
        LOG.error("UNSAFE: model-written code will run WITHOUT a sandbox (rlimits only): it can read and write "
                + "your files, use the network and outlive its test. Install bubblewrap (apt-get install -y bubblewrap) "
                + "and drop allowUnsafeLocal to run it isolated.");
    }

    @Override
    public ExecResult run(List<String> command, byte[] stdin, Path workDir, Limits limits) {
        List<String> program = new ArrayList<>(List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + workDir,
                "LANG=C.UTF-8"));
        program.addAll(ProcessRunner.prlimit(limits));
        program.addAll(command);
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(ProcessRunner.announcingReady(program));
        return ProcessRunner.run(argv, workDir, stdin, limits.wallTime(), limits.maxOutputBytes());
    }

    @Override
    public String description() {
        return "UNSAFE local execution (rlimits only, no isolation)";
    }
}
