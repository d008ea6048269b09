package dev.reason4j.verifiers.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary root holding one fresh directory per sandboxed run, each removed right after
 * the run. The root is never a run directory, so nothing a program leaves can land among
 * checkpoints.
 *
 * <p>The root is mode 0711 so that an unprivileged sandbox user can reach a directory inside it
 * (whose name it cannot list); each run's directory is 0700 until the sandbox hands it to its user.
 */
final class WorkDirs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);

    private final Path root;

    /** Creates {@code reason4j-code-*} under {@code parent}. */
    WorkDirs(Path parent) {
        try {
            root = Files.createTempDirectory(parent, "reason4j-code-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox work root under " + parent + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** A fresh directory holding {@code files} (name → content), for exactly one run. */
    Path create(Map<String, byte[]> files) throws IOException {
        Path dir = Files.createTempDirectory(root, "run-"); // random name, mode 0700
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, file.getValue());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return dir;
    }

    /**
     * Removes {@code dir} and everything in it without following symbolic links (a program may
     * have planted links to host files), making unreadable directories readable first.
     */
    static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new Remover());
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.error("could not remove sandbox work dir {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        delete(root);
    }

    private static final class Remover extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!Files.isReadable(dir) || !Files.isExecutable(dir) || !Files.isWritable(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof AccessDeniedException) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
                Files.walkFileTree(file, this);
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
        }
    }
}
