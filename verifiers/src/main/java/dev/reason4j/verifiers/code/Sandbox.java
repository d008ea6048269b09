package dev.reason4j.verifiers.code;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs one untrusted command with limits, so that nothing it does reaches the caller: not its
 * files, environment, network, processes, or the caller's CPU beyond the limits.
 *
 * <p>Implementations must be thread-safe: many runs go on at once. When the run returns, no process
 * it started is left. {@code run} never throws for anything the program does; a failure of the
 * sandbox itself is an {@link ExecResult.Status#SANDBOX_FAILURE} result.
 */
public interface Sandbox {

    /**
     * @param command the program and its arguments, as seen inside the sandbox; the working
     *                directory is {@code workDir}
     * @param stdin   bytes fed to the program's standard input, then end of file
     * @param workDir an existing, empty-but-for-the-program host directory: the only host place the
     *                program may write; the caller creates and removes it
     */
    ExecResult run(List<String> command, byte[] stdin, Path workDir, Limits limits);

    /** One line for logs and refusals: what kind of isolation this is. */
    default String description() {
        return getClass().getSimpleName();
    }
}
