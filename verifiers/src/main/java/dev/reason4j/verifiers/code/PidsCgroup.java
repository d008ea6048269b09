package dev.reason4j.verifiers.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pids cgroup per sandboxed run, where the machine lets us make one: a hard cap on the number of
 * tasks that holds for every uid, root included (RLIMIT_NPROC does not bind uid 0), and that a
 * program cannot raise. Works with cgroup v1 ({@code /sys/fs/cgroup/pids/...}) and with v2 where
 * the JVM's own cgroup delegates the pids controller to its children.
 */
final class PidsCgroup {

    private static final Logger LOG = LoggerFactory.getLogger(PidsCgroup.class);
    private static final Path CGROUP_FS = Path.of("/sys/fs/cgroup");
    private static final int REMOVE_ATTEMPTS = 100;

    private final Path parent;

    private PidsCgroup(Path parent) {
        this.parent = parent;
    }

    /** The JVM's own pids cgroup, if a child cgroup can be created and removed in it. */
    static Optional<PidsCgroup> detect() {
        Optional<Path> parent = ownPidsCgroup();
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        PidsCgroup cgroup = new PidsCgroup(parent.get());
        try {
            remove(cgroup.create(1));
            return Optional.of(cgroup);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot use a pids cgroup under {}: {}", parent.get(), e.toString());
            return Optional.empty();
        }
    }

    /** A fresh child cgroup allowing at most {@code maxTasks} tasks (processes and threads). */
    Path create(int maxTasks) throws IOException {
        Path dir = Files.createDirectory(parent.resolve("reason4j-" + UUID.randomUUID()));
        try {
            Files.writeString(dir.resolve("pids.max"), Integer.toString(maxTasks));
        } catch (IOException e) {
            remove(dir);
            throw e;
        }
        return dir;
    }

    /** {@code sh} that moves itself into {@code dir}, then execs the rest of the command line. */
    static List<String> joinPrefix(Path dir) {
        return List.of("/bin/sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", dir.toString());
    }

    /** Removes an emptied cgroup, waiting briefly for the kernel to notice its last task left. */
    static void remove(Path dir) {
        for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
            try {
                Files.deleteIfExists(dir); // rmdir: a cgroup's files are virtual
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.error("could not remove cgroup {} (tasks still in it?)", dir);
    }

    Path parent() {
        return parent;
    }

    private static Optional<Path> ownPidsCgroup() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/cgroup"));
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            String[] parts = line.split(":", 3); // hierarchy-id:controllers:path
            if (parts.length == 3 && List.of(parts[1].split(",")).contains("pids")) {
                return existing(CGROUP_FS.resolve("pids").resolve(relative(parts[2])));
            }
        }
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && parts[0].equals("0") && parts[1].isEmpty()) {
                Path own = CGROUP_FS.resolve(relative(parts[2]));
                return delegatesPids(own) ? existing(own) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean delegatesPids(Path cgroupV2) {
        try {
            return List.of(Files.readString(cgroupV2.resolve("cgroup.subtree_control")).strip().split("\\s+")).contains("pids");
        } catch (IOException e) {
            return false;
        }
    }

    private static String relative(String cgroupPath) {
        return cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    }

    private static Optional<Path> existing(Path dir) {
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
