package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes safetensors files that the reference Python library reads: header padded with spaces to
 * a multiple of 8, data offsets contiguous from 0 in the order given, little-endian data. Every file
 * is written to a temporary name in the same directory and renamed into place, so a reader never
 * sees a half-written file.
 */
public final class SafetensorsWriter {
    private static final Logger log = LoggerFactory.getLogger(SafetensorsWriter.class);

    /** Bytes copied out of the engine per step; bounds the extra memory a save needs. */
    static final long DEFAULT_CHUNK_BYTES = 64L << 20;
    private static final Pattern SHARD_NAME = Pattern.compile("model-\\d{5}-of-\\d{5}\\.safetensors");

    private SafetensorsWriter() {
    }

    @FunctionalInterface
    private interface FileBody {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Writes one file atomically. Tensors go in map iteration order (use a {@link LinkedHashMap} for
     * a chosen order); NDArray FLOAT32 becomes F32, FLOAT64 F64, FLOAT16 F16, INT64 I64, INT32 I32,
     * INT8 I8, UINT8 U8, BOOLEAN BOOL. Arrays may live on any device and be over 2 GiB; they are
     * copied out in chunks. The arrays are not closed. There is no BFLOAT16 case because DJL 0.35.1's
     * PyTorch engine aborts the JVM on any BFLOAT16 array; write BF16 with {@link #writeRaw} and
     * {@link RawTensor#bf16}.
     *
     * @param metadata stored as {@code __metadata__} when non-empty; may be null
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) {
        write(file, tensors, metadata, DEFAULT_CHUNK_BYTES);
    }

    /** As {@link #write(Path, Map, Map)}, copying at most {@code chunkBytes} per step (tests force tiny chunks). */
    static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata, long chunkBytes) {
        Objects.requireNonNull(file, "file must be set");
        Objects.requireNonNull(tensors, "tensors must be set (use an empty map for none)");
        requireLittleEndianHost();
        List<SafetensorsHeader.Entry> entries = new ArrayList<>();
        List<NDArray> arrays = new ArrayList<>();
        tensors.forEach((name, array) -> {
            Objects.requireNonNull(array, "tensor '" + name + "' for " + file + " is null");
            entries.add(new SafetensorsHeader.Entry(name, dtypeOf(array, name, file), array.getShape().getShape()));
            arrays.add(array);
        });
        byte[] header = SafetensorsHeader.encode(entries, metadata, file);
        writeAtomically(file, channel -> {
            writeFully(channel, ByteBuffer.wrap(header));
            for (int i = 0; i < arrays.size(); i++) {
                writeArray(channel, arrays.get(i), entries.get(i), chunkBytes);
            }
        });
        log.info("Wrote {} tensors to {}", entries.size(), file);
    }

    /**
     * Saves in the HF layout in {@code dir}: {@code model.safetensors} if all tensors fit in
     * {@code maxShardBytes}, else {@code model-0000i-of-0000n.safetensors} shards (filled greedily in
     * map order; a tensor larger than the limit gets a shard of its own) plus
     * {@code model.safetensors.index.json}. Each shard carries {@code metadata}. Files of an earlier
     * save in the same layout family (model.safetensors, the index, model-*-of-*.safetensors) that
     * this save did not write are deleted afterwards, so a reader never mixes two saves.
     */
    public static void writeModel(Path dir, Map<String, NDArray> tensors, Map<String, String> metadata, long maxShardBytes) {
        writeModel(dir, tensors, metadata, maxShardBytes, DEFAULT_CHUNK_BYTES);
    }

    static void writeModel(Path dir, Map<String, NDArray> tensors, Map<String, String> metadata, long maxShardBytes, long chunkBytes) {
        Objects.requireNonNull(dir, "dir must be set");
        Objects.requireNonNull(tensors, "tensors must be set (use an empty map for none)");
        if (maxShardBytes <= 0) {
            throw new Reason4jException("maxShardBytes is " + maxShardBytes + "; it must be positive (HF uses 5 GB: 5_000_000_000)");
        }
        createDirectories(dir);
        Map<String, Long> sizes = new LinkedHashMap<>();
        tensors.forEach((name, array) -> sizes.put(name, array.size() * dtypeOf(array, name, dir).byteSize()));
        List<List<String>> shards = planShards(sizes, maxShardBytes);

        if (shards.size() <= 1) {
            write(dir.resolve(SafetensorsCheckpoint.SINGLE_FILE_NAME), tensors, metadata, chunkBytes);
            removeStaleFiles(dir, Set.of(SafetensorsCheckpoint.SINGLE_FILE_NAME));
            return;
        }
        Map<String, String> weightMap = new TreeMap<>();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < shards.size(); i++) {
            String shardName = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            Map<String, NDArray> shardTensors = new LinkedHashMap<>();
            for (String name : shards.get(i)) {
                shardTensors.put(name, tensors.get(name));
                weightMap.put(name, shardName);
            }
            write(dir.resolve(shardName), shardTensors, metadata, chunkBytes);
            written.add(shardName);
        }
        long totalSize = sizes.values().stream().mapToLong(Long::longValue).sum();
        writeIndex(dir.resolve(SafetensorsCheckpoint.INDEX_FILE_NAME), totalSize, weightMap);
        written.add(SafetensorsCheckpoint.INDEX_FILE_NAME);
        removeStaleFiles(dir, written);
        log.info("Saved {} tensors ({} bytes) to {} in {} shards", tensors.size(), totalSize, dir, shards.size());
    }

    /**
     * Groups tensor names into shards in the given order: a shard is closed when the next tensor
     * would push it past {@code maxShardBytes}; an oversized tensor gets a shard to itself.
     */
    static List<List<String>> planShards(Map<String, Long> sizes, long maxShardBytes) {
        List<List<String>> shards = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long currentBytes = 0;
        for (Map.Entry<String, Long> entry : sizes.entrySet()) {
            if (!current.isEmpty() && currentBytes + entry.getValue() > maxShardBytes) {
                shards.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entry.getKey());
            currentBytes += entry.getValue();
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(current);
        }
        return shards;
    }

    /** Writes tensors given as raw little-endian bytes, in list order, atomically; no engine involved. */
    public static void writeRaw(Path file, List<RawTensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file must be set");
        Objects.requireNonNull(tensors, "tensors must be set (use an empty list for none)");
        List<SafetensorsHeader.Entry> entries = new ArrayList<>();
        for (RawTensor tensor : tensors) {
            Objects.requireNonNull(tensor, "a RawTensor for " + file + " is null");
            entries.add(new SafetensorsHeader.Entry(tensor.name(), tensor.dtype(), tensor.shape()));
        }
        byte[] header = SafetensorsHeader.encode(entries, metadata, file);
        writeAtomically(file, channel -> {
            writeFully(channel, ByteBuffer.wrap(header));
            for (RawTensor tensor : tensors) {
                writeFully(channel, ByteBuffer.wrap(tensor.dataView()));
            }
        });
    }

    static SafetensorsDType dtypeOf(NDArray array, String name, Path target) {
        DataType type = array.getDataType();
        switch (type) {
            case FLOAT32: return SafetensorsDType.F32;
            case FLOAT64: return SafetensorsDType.F64;
            case FLOAT16: return SafetensorsDType.F16;
            case INT64: return SafetensorsDType.I64;
            case INT32: return SafetensorsDType.I32;
            case INT8: return SafetensorsDType.I8;
            case UINT8: return SafetensorsDType.U8;
            case BOOLEAN: return SafetensorsDType.BOOL;
            default:
                throw new Reason4jException("Cannot save tensor '" + name + "' to " + target + ": its data type " + type
                        + " has no safetensors equivalent here; convert it with toType(DataType.FLOAT32, false) first");
        }
    }

    private static void writeArray(FileChannel channel, NDArray array, SafetensorsHeader.Entry entry, long chunkBytes)
            throws IOException {
        long count = array.size();
        if (count == 0) {
            return;
        }
        int elementBytes = entry.dtype().byteSize();
        long chunkElements = Math.max(1, chunkBytes / elementBytes);
        try (NDArray flat = array.reshape(count)) {
            for (long first = 0; first < count; first += chunkElements) {
                long last = Math.min(count, first + chunkElements);
                // The slice and any contiguous or CPU copy toByteBuffer makes belong to this scope, so a
                // save of a large model does not pile up native memory until the caller's manager closes.
                try (NDManager scope = array.getManager().newSubManager()) {
                    NDArray chunk = flat.get(scope, new NDIndex().addSliceDim(first, last));
                    ByteBuffer bytes = chunk.toByteBuffer(true); // may view the chunk's memory: write before scope closes
                    long expected = (last - first) * elementBytes;
                    if (bytes.remaining() != expected) {
                        throw new IllegalStateException("engine returned " + bytes.remaining() + " bytes for elements ["
                                + first + ", " + last + ") of tensor '" + entry.name() + "', expected " + expected);
                    }
                    writeFully(channel, bytes);
                }
            }
        }
    }

    private static void writeIndex(Path indexFile, long totalSize, Map<String, String> weightMap) {
        ObjectNode root = SafetensorsHeader.JSON.createObjectNode();
        root.putObject("metadata").put("total_size", totalSize);
        ObjectNode map = root.putObject("weight_map");
        weightMap.forEach(map::put);
        byte[] json;
        try {
            json = SafetensorsHeader.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new Reason4jException("Could not encode " + indexFile + ": " + e.getMessage(), e);
        }
        writeAtomically(indexFile, channel -> writeFully(channel, ByteBuffer.wrap(json)));
    }

    /** Deletes the index first: while it exists a reader may follow it to shards about to go. */
    private static void removeStaleFiles(Path dir, Set<String> keep) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean ours = SHARD_NAME.matcher(name).matches()
                        || name.equals(SafetensorsCheckpoint.SINGLE_FILE_NAME) || name.equals(SafetensorsCheckpoint.INDEX_FILE_NAME);
                if (ours && !keep.contains(name)) {
                    stale.add(file);
                }
            }
        } catch (IOException e) {
            throw new Reason4jException("Could not list " + dir + " to remove files of an earlier save: " + e.getMessage(), e);
        }
        stale.sort((a, b) -> Boolean.compare(!isIndex(a), !isIndex(b)));
        for (Path file : stale) {
            try {
                Files.deleteIfExists(file);
                log.info("Removed {} left by an earlier save", file);
            } catch (IOException e) {
                throw new Reason4jException("Could not remove " + file + " left by an earlier save; delete it by hand so "
                        + "readers do not mix two saves: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isIndex(Path file) {
        return file.getFileName().toString().equals(SafetensorsCheckpoint.INDEX_FILE_NAME);
    }

    private static void writeAtomically(Path file, FileBody body) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        createDirectories(dir);
        // Same directory so the final rename cannot cross file systems; a dot name so listings skip it.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new Reason4jException("Could not write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Reason4jException("Could not create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete temporary file {}: {}", file, e.getMessage());
        }
    }

    private static void requireLittleEndianHost() {
        // Engines hand out tensor bytes in native order and the format is little-endian; every platform
        // DJL's PyTorch builds for is little-endian, so a byte-swapping path would be dead code.
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new Reason4jException("Saving NDArrays to safetensors needs a little-endian machine; this one is big-endian");
        }
    }
}
