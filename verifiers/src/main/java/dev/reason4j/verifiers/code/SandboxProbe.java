package dev.reason4j.verifiers.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a sandbox that works here by running a trivial command in each candidate, best first:
 * bubblewrap as an unprivileged uid (when the JVM is root), then bubblewrap as the JVM's user;
 * each first with, then without, a pids cgroup per run. Every candidate limits the number of
 * processes; one that cannot (root without a pids cgroup) is not offered.
 */
public final class SandboxProbe {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxProbe.class);
    static final String INSTALL_HINT = "install bubblewrap (Debian/Ubuntu: apt-get install -y bubblewrap; "
            + "Fedora: dnf install -y bubblewrap) and make sure user namespaces are allowed "
            + "(sysctl user.max_user_namespaces > 0; on Ubuntu 24.04 also kernel.apparmor_restrict_unprivileged_userns=0); "
            + "in a container, run it with --privileged or at least with unshare and mount allowed by its seccomp profile";
    private static final String OK = "sandbox-ok";
    private static final Limits PROBE_LIMITS = Limits.defaults().withCpuSeconds(2).withWallTime(Duration.ofSeconds(10));

    private SandboxProbe() {}

    /** What the probe found: a working sandbox, or why each candidate failed. */
    public record Result(Optional<Sandbox> sandbox, List<String> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    /** Tries each bubblewrap candidate in a fresh directory under {@code workRoot}. */
    public static Result probe(Path workRoot) {
        List<String> failures = new ArrayList<>();
        Optional<String> bwrap = onPath("bwrap");
        if (bwrap.isEmpty()) {
            failures.add("bwrap is not installed (not found on PATH)");
            return new Result(Optional.empty(), failures);
        }
        for (Sandbox candidate : candidates(bwrap.get(), failures)) {
            Optional<String> failure = tryRun(candidate, workRoot);
            if (failure.isEmpty()) {
                LOG.info("code sandbox: {}", candidate.description());
                return new Result(Optional.of(candidate), failures);
            }
            failures.add(candidate.description() + ": " + failure.get());
        }
        return new Result(Optional.empty(), failures);
    }

    /**
     * The sandbox to use: the first working bubblewrap; otherwise {@link UnsafeLocalSandbox} if
     * {@code allowUnsafeLocal}, else a {@link SandboxUnavailableException} that says how to fix it.
     */
    public static Sandbox choose(Path workRoot, boolean allowUnsafeLocal) {
        Result result = probe(workRoot);
        if (result.sandbox().isPresent()) {
            return result.sandbox().get();
        }
        if (allowUnsafeLocal) {
            LOG.error("no sandbox works here ({}); running code UNSAFELY because allowUnsafeLocal is set",
                    String.join("; ", result.failures()));
            return new UnsafeLocalSandbox();
        }
        throw new SandboxUnavailableException(refusal(result.failures()));
    }

    static String refusal(List<String> failures) {
        return "refusing to run model-written code: no sandbox works on this machine ("
                + String.join("; ", failures) + "). To fix: " + INSTALL_HINT
                + ". To run code without isolation anyway (never on a machine you care about), set allowUnsafeLocal.";
    }

    /**
     * Best first: an unprivileged sandbox user (when the JVM is root), then the JVM's user; each
     * with a pids cgroup per run if one can be made, then without. Bubblewrap as root without a
     * pids cgroup is never a candidate: the kernel does not apply RLIMIT_NPROC to root, and a fork
     * bomb measured here then filled the machine's PID table for over a minute, past its wall clock.
     */
    private static List<BubblewrapSandbox> candidates(String bwrap, List<String> failures) {
        boolean root = isRoot();
        Optional<PidsCgroup> cgroup = PidsCgroup.detect();
        List<BubblewrapSandbox> candidates = new ArrayList<>();
        if (root) {
            Optional<String> setpriv = onPath("setpriv");
            setpriv.ifPresent(path -> {
                BubblewrapSandbox asNobody = BubblewrapSandbox.asUser(bwrap, path, BubblewrapSandbox.DEFAULT_SANDBOX_UID);
                cgroup.ifPresent(c -> candidates.add(asNobody.withPidsCgroup(c)));
                candidates.add(asNobody);
            });
            if (setpriv.isEmpty()) {
                failures.add("setpriv (util-linux) not found, so the sandbox cannot drop root");
            }
        }
        BubblewrapSandbox asJvmUser = BubblewrapSandbox.asCurrentUser(bwrap);
        cgroup.ifPresent(c -> candidates.add(asJvmUser.withPidsCgroup(c)));
        if (!root) {
            candidates.add(asJvmUser);
        } else if (cgroup.isEmpty()) {
            failures.add("bubblewrap as root needs a writable pids cgroup, because the kernel does not limit root's processes");
        }
        return candidates;
    }

    /** Runs {@code echo} in the candidate; empty when it printed what it should. */
    static Optional<String> tryRun(Sandbox sandbox, Path workRoot) {
        Path dir;
        try {
            dir = Files.createTempDirectory(workRoot, "probe-");
        } catch (IOException e) {
            return Optional.of("cannot create a probe directory under " + workRoot + ": " + e.getMessage());
        }
        try {
            ExecResult result = sandbox.run(List.of("sh", "-c", "echo " + OK), new byte[0], dir, PROBE_LIMITS);
            if (result.status() == ExecResult.Status.EXITED && result.exitCode() == 0 && result.stdoutText().strip().equals(OK)) {
                return Optional.empty();
            }
            return Optional.of(result.status() + " exit " + result.exitCode() + ": " + result.stderrText().strip());
        } finally {
            WorkDirs.delete(dir);
        }
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read /proc/self/status: {}", e.toString());
        }
        return false;
    }

    static Optional<String> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program).toString());
            }
        }
        return Optional.empty();
    }
}
