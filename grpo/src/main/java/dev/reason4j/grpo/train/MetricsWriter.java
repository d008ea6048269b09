package dev.reason4j.grpo.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends one JSON object per line and syncs it to disk, so a killed run loses at most the line being
 * written. On resume the file is cut back to the checkpoint's step (lines of steps the resumed run will
 * redo, and a torn last line, go), so the file reads as if the run had never stopped.
 */
public final class MetricsWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final FileOutputStream out;

    private MetricsWriter(Path file) throws IOException {
        this.file = file;
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /** Opens {@code file} for appending, keeping only lines whose "step" is at most {@code keepThroughStep} (−1 keeps none). */
    public static MetricsWriter open(Path file, long keepThroughStep) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                truncate(file, keepThroughStep);
            }
            return new MetricsWriter(file);
        } catch (IOException e) {
            throw new Reason4jException("cannot open " + file + " for writing: " + e.getMessage(), e);
        }
    }

    private static void truncate(Path file, long keepThroughStep) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && node.path("step").asLong(Long.MAX_VALUE) <= keepThroughStep) {
                    kept.add(line);
                }
            } catch (IOException torn) {
                // a line cut by a kill: the step it belonged to is redone
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept.isEmpty() ? new byte[0] : (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void write(Map<String, ?> row) {
        try {
            out.write((JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.getFD().sync();
        } catch (IOException e) {
            throw new Reason4jException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new Reason4jException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
