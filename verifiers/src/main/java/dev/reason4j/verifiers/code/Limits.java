package dev.reason4j.verifiers.code;

import java.time.Duration;
import java.util.Objects;

/**
 * What one sandboxed program may use. Exceeding any limit ends the program and is the program's
 * fault (a wrong verdict), never "not applicable".
 *
 * @param cpuSeconds     CPU time per process (RLIMIT_CPU); the soft limit sends SIGXCPU, the hard
 *                       limit one second later SIGKILL
 * @param wallTime       real time for the whole sandbox; past it every process in it is killed
 * @param memoryBytes    address space per process (RLIMIT_AS), not resident memory: interpreters
 *                       map more than they touch, so leave headroom
 * @param maxProcesses   processes and threads of the sandbox user (RLIMIT_NPROC); see
 *                       {@link BubblewrapSandbox} for when the kernel enforces it
 * @param maxFileBytes   largest file the program may write (RLIMIT_FSIZE); also the size of each
 *                       private tmpfs ({@code /tmp}, {@code /dev/shm})
 * @param maxOutputBytes bytes read from stdout and, separately, from stderr; one more and the
 *                       sandbox is killed
 */
public record Limits(int cpuSeconds, Duration wallTime, long memoryBytes, int maxProcesses,
                     long maxFileBytes, long maxOutputBytes) {

    public static final long MIB = 1024L * 1024L;

    public Limits {
        Objects.requireNonNull(wallTime, "Limits.wallTime");
        if (cpuSeconds < 1) {
            throw new IllegalArgumentException("Limits.cpuSeconds must be at least 1, got " + cpuSeconds);
        }
        if (wallTime.toMillis() < 100) {
            throw new IllegalArgumentException("Limits.wallTime must be at least 100 ms, got " + wallTime);
        }
        if (memoryBytes < 32 * MIB) {
            throw new IllegalArgumentException("Limits.memoryBytes must be at least 32 MiB (an interpreter needs it to start), got " + memoryBytes);
        }
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("Limits.maxProcesses must be at least 1, got " + maxProcesses);
        }
        if (maxFileBytes < 4096) {
            throw new IllegalArgumentException("Limits.maxFileBytes must be at least 4096, got " + maxFileBytes);
        }
        if (maxOutputBytes < 1 || maxOutputBytes > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("Limits.maxOutputBytes must be in [1, 2 GiB), got " + maxOutputBytes);
        }
    }

    /** 4 s CPU, 10 s wall, 1 GiB address space, 64 processes, 16 MiB files, 16 MiB output. */
    public static Limits defaults() {
        return new Limits(4, Duration.ofSeconds(10), 1024 * MIB, 64, 16 * MIB, 16 * MIB);
    }

    public Limits withCpuSeconds(int seconds) {
        return new Limits(seconds, wallTime, memoryBytes, maxProcesses, maxFileBytes, maxOutputBytes);
    }

    public Limits withWallTime(Duration wall) {
        return new Limits(cpuSeconds, wall, memoryBytes, maxProcesses, maxFileBytes, maxOutputBytes);
    }

    public Limits withMemoryBytes(long bytes) {
        return new Limits(cpuSeconds, wallTime, bytes, maxProcesses, maxFileBytes, maxOutputBytes);
    }

    public Limits withMaxProcesses(int processes) {
        return new Limits(cpuSeconds, wallTime, memoryBytes, processes, maxFileBytes, maxOutputBytes);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(cpuSeconds, wallTime, memoryBytes, maxProcesses, bytes, maxOutputBytes);
    }

    public Limits withMaxOutputBytes(long bytes) {
        return new Limits(cpuSeconds, wallTime, memoryBytes, maxProcesses, maxFileBytes, bytes);
    }
}
