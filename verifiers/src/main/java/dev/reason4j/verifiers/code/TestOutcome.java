package dev.reason4j.verifiers.code;

import dev.reason4j.verifiers.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** How one test (or the compile check) went: {@code CORRECT} when it passed, else the failure kind and why. */
record TestOutcome(Verdict.Kind kind, String detail) {

    private static final int SHOWN_STDERR_CHARS = 300;
    private static final int SIGXCPU = 24;
    private static final int SIGXFSZ = 25;
    private static final int SIGKILL = 9;

    static TestOutcome passed() {
        return new TestOutcome(Verdict.Kind.CORRECT, "passed");
    }

    boolean isPassed() {
        return kind == Verdict.Kind.CORRECT;
    }

    /**
     * The failure a run shows whatever its output: the sandbox broke, a limit was hit, or the
     * program crashed. Empty when it exited with status 0 and its output decides.
     */
    static Optional<TestOutcome> failureOf(ExecResult run) {
        return switch (run.status()) {
            case SANDBOX_FAILURE -> Optional.of(new TestOutcome(Verdict.Kind.INFRASTRUCTURE_FAILURE,
                    "sandbox failure: " + run.stderrText().strip()));
            case WALL_TIMEOUT -> Optional.of(new TestOutcome(Verdict.Kind.TIMEOUT,
                    "wall-clock limit exceeded (" + run.elapsed().toMillis() + " ms); killed"));
            case OUTPUT_LIMIT -> Optional.of(new TestOutcome(Verdict.Kind.OUTPUT_LIMIT, "output limit exceeded; killed"));
            case EXITED -> run.exitCode() == 0 ? Optional.empty() : Optional.of(exitFailure(run));
        };
    }

    private static TestOutcome exitFailure(ExecResult run) {
        String lastLine = lastStderrLine(run.stderr());
        if (isOutOfMemory(lastLine)) {
            return new TestOutcome(Verdict.Kind.MEMORY_LIMIT, "memory limit exceeded: " + lastLine);
        }
        return switch (run.signal()) {
            case SIGXCPU -> new TestOutcome(Verdict.Kind.TIMEOUT, "CPU time limit exceeded (SIGXCPU)");
            case SIGXFSZ -> new TestOutcome(Verdict.Kind.RUNTIME_ERROR, "file size limit exceeded (SIGXFSZ)");
            case SIGKILL -> new TestOutcome(Verdict.Kind.RUNTIME_ERROR, "killed by SIGKILL (a hard limit or the program itself)");
            case 0 -> new TestOutcome(Verdict.Kind.RUNTIME_ERROR, "exit status " + run.exitCode()
                    + (lastLine.isEmpty() ? "" : ": " + lastLine));
            default -> new TestOutcome(Verdict.Kind.RUNTIME_ERROR, "killed by signal " + run.signal()
                    + (lastLine.isEmpty() ? "" : ": " + lastLine));
        };
    }

    /** Python's MemoryError (raised when RLIMIT_AS refuses an allocation) or the C runtime's words for it. */
    private static boolean isOutOfMemory(String lastLine) {
        return lastLine.startsWith("MemoryError") || lastLine.contains("Cannot allocate memory")
                || lastLine.contains("std::bad_alloc") || lastLine.contains("out of memory");
    }

    static String lastStderrLine(byte[] stderr) {
        int from = Math.max(0, stderr.length - 4 * SHOWN_STDERR_CHARS);
        String text = new String(stderr, from, stderr.length - from, StandardCharsets.UTF_8).strip();
        String last = text.substring(text.lastIndexOf('\n') + 1).strip();
        return last.length() <= SHOWN_STDERR_CHARS ? last : last.substring(0, SHOWN_STDERR_CHARS) + "…";
    }
}
