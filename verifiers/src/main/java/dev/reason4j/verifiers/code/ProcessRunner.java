package dev.reason4j.verifiers.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a sandbox process, feeds its stdin, reads capped stdout/stderr, enforces the wall clock
 * and kills the whole process tree. Shared by every {@link Sandbox} implementation.
 *
 * <p>The command must print {@link #READY} on stdout before the untrusted program starts (see
 * {@link #announcingReady}). Output before the marker is the sandbox's; a run without the marker is
 * a sandbox failure. The program cannot fake a sandbox failure, because by the time it runs the
 * marker has already been written.
 */
final class ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    static final String READY = "reason4j-sandbox-ready";
    private static final byte[] READY_LINE = (READY + "\n").getBytes(StandardCharsets.US_ASCII);
    /** How long killed processes and drained pipes get before we stop waiting for them. */
    private static final long REAP_MILLIS = 5_000;
    /** How long the sandbox's outer process gets to exit by itself once everything below it is killed. */
    private static final long OWN_EXIT_MILLIS = 500;
    private static final long POLL_MILLIS = 5;
    private static final ExecutorService IO = Executors.newCachedThreadPool(daemonThreads());

    private ProcessRunner() {}

    /**
     * {@code sh -c} that prints the ready marker, then runs {@code program} as its child, waits for
     * it and exits with its status (128 + n when signal n ended it). The shell stays the parent on
     * purpose: in a sandbox it is the PID namespace's init, whose exit ends everything inside (the
     * trailing {@code exit} keeps shells from exec'ing the last command in its place).
     */
    static List<String> announcingReady(List<String> program) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "printf '%s\\n' \"$0\" || exit 125; \"$@\"; exit $?", READY));
        argv.addAll(program);
        return argv;
    }

    /** {@code prlimit} options that apply the limits to the command that follows. */
    static List<String> prlimit(Limits limits) {
        return List.of("prlimit",
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
                "--as=" + limits.memoryBytes(),
                "--nproc=" + limits.maxProcesses(),
                "--fsize=" + limits.maxFileBytes(),
                "--core=0",
                "--");
    }

    /**
     * Runs {@code argv} (a host command line) in {@code directory} with an empty environment but
     * for PATH, and returns once it and every process it started are gone or were killed.
     */
    static ExecResult run(List<String> argv, Path directory, byte[] stdin, Duration wall, long maxOutputBytes) {
        long start = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return ExecResult.sandboxFailure("could not start " + argv.get(0) + ": " + e.getMessage(), elapsedSince(start));
        }
        return supervise(process, stdin, wall, maxOutputBytes, start);
    }

    private static ExecResult supervise(Process process, byte[] stdin, Duration wall, long maxOutputBytes, long start) {
        AtomicBoolean overflow = new AtomicBoolean();
        Runnable onOverflow = () -> {
            if (overflow.compareAndSet(false, true)) {
                killTree(process);
            }
        };
        Future<byte[]> stdout = IO.submit(() -> readCapped(process.getInputStream(), maxOutputBytes + READY_LINE.length, onOverflow));
        Future<byte[]> stderr = IO.submit(() -> readCapped(process.getErrorStream(), maxOutputBytes, onOverflow));
        IO.submit(() -> writeAndClose(process.getOutputStream(), stdin));
        boolean timedOut = false;
        try {
            timedOut = !process.waitFor(wall.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return ExecResult.sandboxFailure("interrupted while the program ran", elapsedSince(start));
        } finally {
            if (timedOut) {
                killTree(process);
            }
        }
        byte[] out = drain(stdout);
        byte[] err = drain(stderr);
        Duration elapsed = elapsedSince(start);
        if (!startsWithReady(out)) {
            String why = new String(err, StandardCharsets.UTF_8).strip();
            return ExecResult.sandboxFailure("the sandbox did not start the program (exit " + exitCode(process) + "): "
                    + (why.isEmpty() ? "no message" : why), elapsed);
        }
        out = Arrays.copyOfRange(out, READY_LINE.length, out.length);
        if (overflow.get()) {
            return new ExecResult(ExecResult.Status.OUTPUT_LIMIT, -1, out, err, elapsed);
        }
        if (timedOut) {
            return new ExecResult(ExecResult.Status.WALL_TIMEOUT, -1, out, err, elapsed);
        }
        return new ExecResult(ExecResult.Status.EXITED, exitCode(process), out, err, elapsed);
    }

    /**
     * SIGKILL to every descendant, then to the process itself unless it has already exited, and
     * waits until all are gone. Descendants go first so that a sandbox's outer bwrap reaps its
     * namespace init itself rather than leaving a zombie for the host's init; killing that init
     * alone already ends every process in the namespace.
     */
    static void killTree(Process process) {
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> descendants = root.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS);
        try {
            if (!process.waitFor(OWN_EXIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(REAP_MILLIS, TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle handle : descendants) {
                while (!isGone(handle)) {
                    if (System.nanoTime() > deadline) {
                        LOG.error("sandbox process {} survived SIGKILL for {} ms", handle.pid(), REAP_MILLIS);
                        break;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exited, or a zombie: dead and holding nothing but a PID until its parent reaps it. */
    private static boolean isGone(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] readCapped(InputStream in, long cap, Runnable onOverflow) throws IOException {
        try (in) {
            byte[] buffer = new byte[(int) Math.min(cap + 1, 64 * 1024)];
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                int room = (int) (cap - kept.size());
                kept.write(buffer, 0, Math.min(n, room));
                if (n > room) {
                    onOverflow.run();
                    break;
                }
            }
            return kept.toByteArray();
        }
    }

    private static Void writeAndClose(OutputStream out, byte[] bytes) {
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            // The program exited or closed stdin without reading it all: its business, not an error.
        }
        return null;
    }

    private static byte[] drain(Future<byte[]> reader) {
        try {
            return reader.get(REAP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.cancel(true);
            LOG.error("a sandbox pipe stayed open {} ms after its processes were gone", REAP_MILLIS);
            return new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } catch (ExecutionException e) {
            return new byte[0];
        }
    }

    private static boolean startsWithReady(byte[] out) {
        return out.length >= READY_LINE.length && Arrays.equals(out, 0, READY_LINE.length, READY_LINE, 0, READY_LINE.length);
    }

    private static int exitCode(Process process) {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
