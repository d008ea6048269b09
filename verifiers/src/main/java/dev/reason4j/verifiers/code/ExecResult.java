package dev.reason4j.verifiers.code;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What came out of one sandboxed run.
 *
 * @param status   how the run ended
 * @param exitCode the program's exit status; 128 + n when killed by signal n; -1 unless
 *                 {@link Status#EXITED}
 * @param stdout   at most {@link Limits#maxOutputBytes()} bytes
 * @param stderr   at most {@link Limits#maxOutputBytes()} bytes; for {@link Status#SANDBOX_FAILURE}
 *                 the sandbox's own complaint
 * @param elapsed  wall time from start to the last process gone
 */
public record ExecResult(Status status, int exitCode, byte[] stdout, byte[] stderr, Duration elapsed) {

    public enum Status {
        /** The program ended by itself (normally, by error or by a signal such as SIGXCPU). */
        EXITED,
        /** The wall-clock limit passed; every process of the sandbox was killed. */
        WALL_TIMEOUT,
        /** stdout or stderr passed the output limit; every process of the sandbox was killed. */
        OUTPUT_LIMIT,
        /** The sandbox itself failed before the program ran: not the program's fault. */
        SANDBOX_FAILURE
    }

    public ExecResult {
        Objects.requireNonNull(status, "ExecResult.status");
        Objects.requireNonNull(stdout, "ExecResult.stdout");
        Objects.requireNonNull(stderr, "ExecResult.stderr");
        Objects.requireNonNull(elapsed, "ExecResult.elapsed");
    }

    static ExecResult sandboxFailure(String why, Duration elapsed) {
        return new ExecResult(Status.SANDBOX_FAILURE, -1, new byte[0], why.getBytes(StandardCharsets.UTF_8), elapsed);
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The signal that ended the program, or 0 when it exited by itself. */
    public int signal() {
        return status == Status.EXITED && exitCode > 128 && exitCode < 128 + 65 ? exitCode - 128 : 0;
    }
}
