package dev.reason4j.grpo.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system steps of the checkpoint protocol: fsync, atomic replace, tree delete and link-or-copy. */
final class DurableFiles {
    /** Marks a name as work in progress; anything named so is garbage once the writer is gone. */
    static final String TEMP_MARK = ".tmp-";
    private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

    private DurableFiles() {
    }

    /** {@code name.tmp-<16 hex digits>}: not a committed name, and unique enough for one writer. */
    static String tempName(String name) {
        return name + TEMP_MARK + String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    static boolean isTemp(Path path) {
        return path.getFileName().toString().contains(TEMP_MARK);
    }

    /** Forces every file and directory under {@code root} (and root itself) to stable storage. */
    static void fsyncTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p)) {
                    try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
                        channel.force(true);
                    }
                } else if (Files.isDirectory(p)) {
                    fsyncDirectory(p);
                }
            }
        }
    }

    /** Makes renames and creations inside {@code dir} durable; a no-op where the platform cannot open directories. */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {} on this platform: {}", dir, e.getMessage());
        }
    }

    /** Writes {@code bytes} to a temporary sibling, forces it, renames it over {@code file} and forces the directory. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(tempName(file.getFileName().toString()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(file.getParent());
    }

    /**
     * Removes a directory tree without ever leaving a partial tree under its committed name: it is
     * first renamed to a temporary name (atomic), then deleted; a crash in between leaves a
     * {@code .tmp-} directory that the next start removes.
     */
    static void retire(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Path doomed = dir.resolveSibling(tempName(dir.getFileName().toString()));
        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir.getParent());
        deleteTree(doomed);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Recreates {@code from} at {@code to} with hard links (checkpoint files are never modified once
     * written, so sharing them is safe and costs no space), copying where links are not supported.
     */
    static void linkOrCopyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
