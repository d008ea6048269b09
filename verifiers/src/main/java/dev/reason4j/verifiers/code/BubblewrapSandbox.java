package dev.reason4j.verifiers.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Runs each program in a fresh bubblewrap ({@code bwrap}) sandbox:
 *
 * <ul>
 *   <li>new user, PID, network, IPC, UTS and cgroup namespaces ({@code --unshare-all}): no network
 *       at all, not even loopback; the program sees only its own processes; nested user namespaces
 *       are refused ({@code --disable-userns});</li>
 *   <li>a read-only root: {@code /usr} and the {@code /bin}, {@code /lib*} links or directories,
 *       the few {@code /etc} files the dynamic loader and Python read; a fresh {@code /proc} and
 *       minimal {@code /dev}; private size-capped tmpfs {@code /tmp} and {@code /dev/shm}; the run's
 *       work dir read-write at {@link #SANDBOX_DIR} — the only host directory it can write;</li>
 *   <li>{@code --clearenv} with PATH, HOME=/tmp and LANG only; all capabilities dropped; a new
 *       session (no terminal, its own process group); {@code --die-with-parent};</li>
 *   <li>rlimits via {@code prlimit} on CPU time, address space, processes, file size, core size;
 *       output and wall time are capped by {@link ProcessRunner}, which on either kills the whole
 *       tree — killing the namespace's init ends every process inside it.</li>
 * </ul>
 *
 * <p><b>Nothing outlives the run.</b> The namespace's init (PID 1) is a small {@code sh} of ours
 * ({@code --as-pid-1}) that waits for the program. When init exits, the kernel kills every other
 * process in the namespace and waits for them before init itself can be reaped; the outer bwrap
 * reaps it before exiting. So when {@code run} sees bwrap exit, detached grandchildren are already
 * gone. (bwrap's own init reports the exit status through an eventfd before that cleanup and
 * leaves itself as a zombie for the host's init, which is why it is not used.) Signals from inside
 * the namespace cannot kill its init, so {@code kill -9 -1} or killing the parent only hurts the
 * program.
 *
 * <p><b>Processes.</b> The kernel does not apply RLIMIT_NPROC to uid 0 of the initial user
 * namespace, and bwrap run by root maps the sandbox to uid 0. So when the JVM runs as root the
 * sandbox is started through {@code setpriv} as an unprivileged uid ({@value #DEFAULT_SANDBOX_UID},
 * nobody): then the process limit holds, counted per sandbox (the count is per user namespace),
 * and the program cannot touch root-owned host files even through a mistake in the mounts. Where
 * the machine allows it, each run also gets its own pids cgroup (see {@link PidsCgroup}), a cap
 * that binds root too.
 */
public final class BubblewrapSandbox implements Sandbox {

    /** Where the work dir appears inside the sandbox; also the program's current directory. */
    public static final String SANDBOX_DIR = "/sandbox";
    public static final int DEFAULT_SANDBOX_UID = 65534;
    /** Tasks of ours in the run's cgroup besides the program's: the outer bwrap and the namespace's init. */
    private static final int CGROUP_OVERHEAD_TASKS = 2;
    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    private static final List<String> ETC_FILES = List.of(
            "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "alternatives");

    private final String bwrap;
    private final String setpriv;
    private final OptionalInt runAsUid;
    private final Optional<PidsCgroup> pidsCgroup;
    private final List<String> systemMounts;

    private BubblewrapSandbox(String bwrap, String setpriv, OptionalInt runAsUid, Optional<PidsCgroup> pidsCgroup) {
        this.bwrap = Objects.requireNonNull(bwrap, "bwrap");
        this.setpriv = setpriv;
        this.runAsUid = runAsUid;
        this.pidsCgroup = pidsCgroup;
        this.systemMounts = systemMounts();
    }

    /** bwrap run as the JVM's own user (right for a non-root JVM; as root the process limit is not enforced). */
    public static BubblewrapSandbox asCurrentUser(String bwrap) {
        return new BubblewrapSandbox(bwrap, null, OptionalInt.empty(), Optional.empty());
    }

    /**
     * bwrap started as {@code uid} through {@code setpriv} (util-linux); needs a root JVM and
     * unprivileged user namespaces.
     */
    public static BubblewrapSandbox asUser(String bwrap, String setpriv, int uid) {
        Objects.requireNonNull(setpriv, "setpriv");
        if (uid <= 0) {
            throw new IllegalArgumentException("BubblewrapSandbox uid must be a non-root uid, got " + uid);
        }
        return new BubblewrapSandbox(bwrap, setpriv, OptionalInt.of(uid), Optional.empty());
    }

    /** The same sandbox, each run also confined to its own pids cgroup of {@code maxProcesses} + 2 tasks. */
    BubblewrapSandbox withPidsCgroup(PidsCgroup cgroup) {
        return new BubblewrapSandbox(bwrap, setpriv, runAsUid, Optional.of(cgroup));
    }

    @Override
    public ExecResult run(List<String> command, byte[] stdin, Path workDir, Limits limits) {
        if (runAsUid.isPresent()) {
            try {
                Files.setAttribute(workDir, "unix:uid", runAsUid.getAsInt(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(workDir, "unix:gid", runAsUid.getAsInt(), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | RuntimeException e) {
                return ExecResult.sandboxFailure("cannot hand the work dir to uid " + runAsUid.getAsInt() + ": " + e, Duration.ZERO);
            }
        }
        Path cgroup = null;
        try {
            List<String> argv = new ArrayList<>();
            if (pidsCgroup.isPresent()) {
                cgroup = pidsCgroup.get().create(limits.maxProcesses() + CGROUP_OVERHEAD_TASKS);
                argv.addAll(PidsCgroup.joinPrefix(cgroup));
            }
            argv.addAll(commandLine(command, workDir, limits));
            return ProcessRunner.run(argv, workDir, stdin, limits.wallTime(), limits.maxOutputBytes());
        } catch (IOException e) {
            return ExecResult.sandboxFailure("cannot create a pids cgroup: " + e, Duration.ZERO);
        } finally {
            if (cgroup != null) {
                PidsCgroup.remove(cgroup);
            }
        }
    }

    /**
     * The host command line for one run, as logged and documented; when a pids cgroup is in use,
     * {@code run} puts an {@code sh} in front that moves itself into the run's cgroup and execs this.
     */
    public List<String> commandLine(List<String> command, Path workDir, Limits limits) {
        List<String> argv = new ArrayList<>();
        runAsUid.ifPresent(uid -> argv.addAll(List.of(setpriv, "--reuid=" + uid, "--regid=" + uid, "--clear-groups")));
        argv.add(bwrap);
        argv.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--die-with-parent",
                "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox",
                "--clearenv", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
                "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8"));
        argv.addAll(systemMounts);
        String tmpfsBytes = Long.toString(limits.maxFileBytes());
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                "--size", tmpfsBytes, "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                "--size", tmpfsBytes, "--tmpfs", "/tmp",
                "--bind", workDir.toAbsolutePath().toString(), SANDBOX_DIR,
                "--remount-ro", "/", "--chdir", SANDBOX_DIR, "--"));
        List<String> program = new ArrayList<>(ProcessRunner.prlimit(limits));
        program.addAll(command);
        argv.addAll(ProcessRunner.announcingReady(program));
        return argv;
    }

    @Override
    public String description() {
        return "bubblewrap (" + bwrap + (runAsUid.isPresent() ? ", as uid " + runAsUid.getAsInt() : ", as the JVM's user")
                + pidsCgroup.map(c -> ", pids cgroup under " + c.parent()).orElse(", no pids cgroup") + ")";
    }

    /** Read-only binds of what programs need from the host, following this machine's layout. */
    private static List<String> systemMounts() {
        List<String> mounts = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : TOP_LEVEL) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                try {
                    mounts.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } catch (IOException e) {
                    // unreadable link: leave it out, the probe will tell whether anything needed it
                }
            } else if (Files.isDirectory(path)) {
                mounts.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        Stream.concat(ETC_FILES.stream(), pythonEtcDirs().stream()).forEach(name ->
                mounts.addAll(List.of("--ro-bind-try", "/etc/" + name, "/etc/" + name)));
        return mounts;
    }

    /** Debian's python3 reads {@code /etc/python3.X/sitecustomize.py}. */
    private static List<String> pythonEtcDirs() {
        try (Stream<Path> entries = Files.list(Path.of("/etc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("python3")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
