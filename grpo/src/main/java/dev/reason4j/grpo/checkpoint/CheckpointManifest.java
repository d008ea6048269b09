package dev.reason4j.grpo.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * {@code manifest.json}: the size and CRC-32C of every file of a checkpoint, written last. Its
 * presence marks a checkpoint whose files were all written; {@link #verify} finds a file that was
 * truncated, damaged or removed afterwards and names it.
 */
final class CheckpointManifest {
    static final String FILE = "manifest.json";
    private static final String FORMAT = "reason4j.checkpoint";
    private static final int VERSION = 1;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointManifest() {
    }

    /** Records every regular file under {@code dir} (paths relative, '/'-separated) in {@code dir/manifest.json}. */
    static void write(Path dir, long step) throws IOException {
        Map<String, FileDigest> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p) && !p.equals(dir.resolve(FILE))) {
                    files.put(relativeName(dir, p), digest(p));
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("step", step);
        ObjectNode entries = root.putObject("files");
        files.forEach((name, d) -> entries.putObject(name).put("bytes", d.bytes()).put("crc32c", d.crc32cHex()));
        DurableFiles.writeAtomically(dir.resolve(FILE), JSON.writeValueAsBytes(root));
    }

    /**
     * Checks every file the manifest lists: present, the recorded size, the recorded checksum.
     *
     * @return the step the manifest records
     * @throws Reason4jException naming the first file that fails, with what to do about it
     */
    static long verify(Path dir) {
        Path manifest = dir.resolve(FILE);
        String fix = "; delete " + dir + " or resume from an earlier checkpoint (CorruptCheckpointPolicy.FALL_BACK_TO_PREVIOUS)";
        if (!Files.isRegularFile(manifest)) {
            throw new Reason4jException("checkpoint " + dir + " has no " + FILE + ": its write never completed" + fix);
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new Reason4jException("checkpoint file " + manifest + " is damaged (not valid JSON: " + e.getMessage() + ")" + fix, e);
        }
        JsonNode files = root == null ? null : root.get("files");
        if (!FORMAT.equals(root == null ? null : root.path("format").asText()) || files == null || !files.isObject()
                || !root.path("step").isIntegralNumber()) {
            throw new Reason4jException("checkpoint file " + manifest + " is damaged (no \"format\": \"" + FORMAT
                    + "\", integer \"step\" and \"files\" object)" + fix);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = files.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = dir.resolve(entry.getKey());
            long bytes = entry.getValue().path("bytes").asLong(-1);
            String crc = entry.getValue().path("crc32c").asText();
            if (!Files.isRegularFile(file)) {
                throw new Reason4jException("checkpoint file " + file + " is missing" + fix);
            }
            FileDigest actual;
            try {
                actual = digest(file);
            } catch (IOException e) {
                throw new Reason4jException("checkpoint file " + file + " cannot be read: " + e.getMessage() + fix, e);
            }
            if (actual.bytes() != bytes) {
                throw new Reason4jException("checkpoint file " + file + " is " + actual.bytes() + " bytes but " + bytes
                        + " were written: it is truncated or damaged" + fix);
            }
            if (!actual.crc32cHex().equals(crc)) {
                throw new Reason4jException("checkpoint file " + file + " is damaged: its CRC-32C is " + actual.crc32cHex()
                        + " but " + crc + " was recorded when it was written" + fix);
            }
        }
        return root.path("step").asLong();
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static FileDigest digest(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long total = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) {
                buffer.flip();
                total += buffer.remaining();
                crc.update(buffer);
            }
        }
        return new FileDigest(total, String.format("%08x", crc.getValue()));
    }

    private record FileDigest(long bytes, String crc32cHex) {
    }
}
