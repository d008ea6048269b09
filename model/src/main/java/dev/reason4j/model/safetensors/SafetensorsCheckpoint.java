package dev.reason4j.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Reason4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tensors of a safetensors checkpoint, read lazily: opening parses and cross-checks the headers
 * only; each {@code read*} or {@link #load} maps the tensor's bytes and converts them chunk by chunk,
 * so neither a tensor nor a file has to fit in a 2 GiB Java buffer. Thread-safe for concurrent reads.
 * Closing releases the file handles; arrays already loaded stay valid.
 */
public final class SafetensorsCheckpoint implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(SafetensorsCheckpoint.class);

    static final String SINGLE_FILE_NAME = "model.safetensors";
    static final String INDEX_FILE_NAME = "model.safetensors.index.json";
    /** Large enough that per-chunk overhead vanishes, small enough that staging memory is negligible. */
    static final long DEFAULT_CHUNK_BYTES = 64L << 20;
    /** Mapped regions and staging buffers are int-indexed; stay well below that. */
    private static final long MAX_CHUNK_BYTES = 1L << 30;
    /** The largest Java array the JVM reliably allocates. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final Path source;
    private final SortedMap<String, TensorInfo> tensors;
    private final Map<String, String> metadata;
    private final long chunkBytes;
    private final Map<Path, FileChannel> channels = new HashMap<>();
    private boolean closed;

    private SafetensorsCheckpoint(Path source, Map<String, TensorInfo> tensors, Map<String, String> metadata, long chunkBytes) {
        this.source = source;
        this.tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
        this.metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        this.chunkBytes = chunkBytes;
    }

    /**
     * Opens a model directory (model.safetensors, or model.safetensors.index.json + shards; if
     * neither, a single *.safetensors file in it), one .safetensors file, or an index .json file.
     * When a directory holds both model.safetensors and an index, the single file wins, as in HF
     * transformers.
     *
     * @throws Reason4jException if the path is missing, holds no weights, or any header is invalid
     */
    public static SafetensorsCheckpoint open(Path dirOrFile) {
        return open(dirOrFile, DEFAULT_CHUNK_BYTES);
    }

    /** As {@link #open(Path)}, converting at most {@code chunkBytes} per step (tests force tiny chunks). */
    static SafetensorsCheckpoint open(Path dirOrFile, long chunkBytes) {
        Objects.requireNonNull(dirOrFile, "checkpoint path must be set");
        if (chunkBytes < Double.BYTES || chunkBytes > MAX_CHUNK_BYTES) {
            throw new Reason4jException("chunkBytes is " + chunkBytes + "; it must be between 8 and " + MAX_CHUNK_BYTES);
        }
        if (!Files.exists(dirOrFile)) {
            throw new Reason4jException("Checkpoint path " + dirOrFile + " does not exist: give a model directory (with "
                    + SINGLE_FILE_NAME + " or " + INDEX_FILE_NAME + ") or a .safetensors file");
        }
        SafetensorsCheckpoint checkpoint;
        if (Files.isDirectory(dirOrFile)) {
            checkpoint = openDirectory(dirOrFile, chunkBytes);
        } else if (dirOrFile.getFileName().toString().endsWith(".json")) {
            checkpoint = openIndex(dirOrFile, chunkBytes);
        } else {
            checkpoint = openSingleFile(dirOrFile, chunkBytes);
        }
        log.info("Opened checkpoint {}: {} tensors", checkpoint.source, checkpoint.tensors.size());
        return checkpoint;
    }

    private static SafetensorsCheckpoint openDirectory(Path dir, long chunkBytes) {
        Path single = dir.resolve(SINGLE_FILE_NAME);
        Path index = dir.resolve(INDEX_FILE_NAME);
        if (Files.isRegularFile(single)) {
            if (Files.exists(index)) {
                log.warn("{} has both {} and {}; reading {} (a save into this directory was probably interrupted)",
                        dir, SINGLE_FILE_NAME, INDEX_FILE_NAME, SINGLE_FILE_NAME);
            }
            return openSingleFile(single, chunkBytes);
        }
        if (Files.isRegularFile(index)) {
            return openIndex(index, chunkBytes);
        }
        List<Path> candidates = safetensorsFilesIn(dir);
        if (candidates.size() == 1) {
            return openSingleFile(candidates.get(0), chunkBytes);
        }
        if (candidates.isEmpty()) {
            throw new Reason4jException("No safetensors weights in " + dir + ": expected " + SINGLE_FILE_NAME + ", or "
                    + INDEX_FILE_NAME + " with its shards, or a single *.safetensors file");
        }
        throw new Reason4jException(dir + " has " + candidates.size() + " .safetensors files ("
                + candidates.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + ") but no " + INDEX_FILE_NAME + " saying which tensor is in which: add the index or open one file directly");
    }

    private static List<Path> safetensorsFilesIn(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.safetensors")) {
            stream.forEach(path -> {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            });
        } catch (IOException e) {
            throw new Reason4jException("Could not list " + dir + ": " + e.getMessage(), e);
        }
        Collections.sort(files);
        return files;
    }

    private static SafetensorsCheckpoint openSingleFile(Path file, long chunkBytes) {
        SafetensorsHeader.FileContents contents = SafetensorsHeader.read(file);
        return new SafetensorsCheckpoint(file, contents.tensors(), contents.metadata(), chunkBytes);
    }

    private static SafetensorsCheckpoint openIndex(Path indexFile, long chunkBytes) {
        ShardedCheckpointIndex.Contents contents = ShardedCheckpointIndex.read(indexFile);
        log.debug("{} lists {} tensors in {} shards", indexFile, contents.tensors().size(), contents.shardCount());
        return new SafetensorsCheckpoint(indexFile, contents.tensors(), contents.metadata(), chunkBytes);
    }

    /** Tensor names, sorted, so iteration is the same whether the checkpoint is one file or sharded. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /**
     * Where a tensor is stored and how.
     *
     * @throws Reason4jException naming this checkpoint if there is no such tensor
     */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new Reason4jException("No tensor named '" + name + "' in checkpoint " + source + " (" + tensors.size()
                    + " tensors" + similarNames(name) + "). Check the model architecture matches the checkpoint.");
        }
        return info;
    }

    private String similarNames(String name) {
        String lastPart = name.substring(name.lastIndexOf('.') + 1);
        List<String> similar = tensors.keySet().stream().filter(n -> n.endsWith(lastPart)).limit(5).collect(Collectors.toList());
        return similar.isEmpty() ? "" : "; names ending like it: " + String.join(", ", similar);
    }

    /** The {@code __metadata__} string map; for a sharded checkpoint, the shards' maps merged (later shards win). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The tensor's elements, row-major, converted to float32 in Java: BF16 and F16 exactly, F64 and
     * 64/32-bit integers rounded to nearest, BOOL as 0/1.
     *
     * @throws Reason4jException if the tensor has more elements than a Java array holds (use {@link #load})
     */
    public float[] readFloats(String name) {
        TensorInfo info = info(name);
        float[] values = new float[arrayLength(info)];
        FloatBuffer destination = FloatBuffer.wrap(values);
        forEachChunk(info, chunkElements(info, Float.BYTES),
                (bytes, first, count) -> TensorDecoder.decodeFloats(info.dtype(), bytes, destination, count));
        return values;
    }

    /** As {@link #readFloats} but to float64 (exact for every float dtype). */
    public double[] readDoubles(String name) {
        TensorInfo info = info(name);
        double[] values = new double[arrayLength(info)];
        DoubleBuffer destination = DoubleBuffer.wrap(values);
        forEachChunk(info, chunkElements(info, Double.BYTES),
                (bytes, first, count) -> TensorDecoder.decodeDoubles(info.dtype(), bytes, destination, count));
        return values;
    }

    /**
     * Loads a tensor as an NDArray of {@code target} type on {@code manager}'s device, converting
     * from the file's dtype in Java chunk by chunk. The result's memory belongs to the engine (not to
     * the mapped file or a Java buffer), so it stays valid after this checkpoint is closed.
     *
     * @param target {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
     * @return a new array attached to {@code manager}; the caller (through {@code manager}) closes it
     */
    public NDArray load(String name, NDManager manager, DataType target) {
        TensorInfo info = info(name);
        Objects.requireNonNull(manager, "manager must be set to load tensor " + name);
        if (target != DataType.FLOAT32 && target != DataType.FLOAT64) {
            throw new Reason4jException("load() converts tensor '" + name + "' to FLOAT32 or FLOAT64, not " + target
                    + "; load as FLOAT32 and call toType(...) for other types");
        }
        long elementCount = info.elementCount();
        NDArray result = manager.create(new Shape(info.shape()), target); // uninitialised until every chunk is set
        if (elementCount == 0) {
            return result;
        }
        int targetBytes = target.getNumOfBytes();
        int chunkElements = chunkElements(info, targetBytes);
        // One staging buffer for all chunks keeps direct memory at one chunk; each chunk is copied into
        // the engine's memory by set() before the buffer is refilled.
        ByteBuffer staging = ByteBuffer.allocateDirect(chunkElements * targetBytes).order(ByteOrder.nativeOrder());
        try (NDArray flat = result.reshape(elementCount)) { // a view: writes land in result
            forEachChunk(info, chunkElements, (bytes, first, count) -> {
                staging.clear();
                if (target == DataType.FLOAT32) {
                    TensorDecoder.decodeFloats(info.dtype(), bytes, staging.asFloatBuffer(), count);
                } else {
                    TensorDecoder.decodeDoubles(info.dtype(), bytes, staging.asDoubleBuffer(), count);
                }
                staging.limit(count * targetBytes); // the engine reads from the buffer's address up to its limit
                try (NDArray chunk = manager.create(staging, new Shape(count), target)) {
                    flat.set(new NDIndex().addSliceDim(first, first + count), chunk);
                }
            });
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        log.debug("Loaded {} {} {} as {}", name, info.dtype(), new Shape(info.shape()), target);
        return result;
    }

    /** Receives one mapped, little-endian chunk of a tensor's bytes. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(ByteBuffer bytes, long firstElement, int elementCount);
    }

    private void forEachChunk(TensorInfo info, int chunkElements, ChunkConsumer consumer) {
        long total = info.elementCount();
        int elementBytes = info.dtype().byteSize();
        FileChannel channel = channel(info.file());
        for (long first = 0; first < total; first += chunkElements) {
            int count = (int) Math.min(chunkElements, total - first);
            long position = info.dataStart() + first * elementBytes;
            ByteBuffer bytes;
            try {
                bytes = channel.map(FileChannel.MapMode.READ_ONLY, position, (long) count * elementBytes);
            } catch (IOException e) {
                throw new Reason4jException("Could not memory-map " + (long) count * elementBytes + " bytes at offset " + position
                        + " of " + info.file() + " for tensor '" + info.name() + "': " + e.getMessage(), e);
            }
            consumer.accept(bytes.order(ByteOrder.LITTLE_ENDIAN), first, count);
        }
    }

    private int chunkElements(TensorInfo info, int targetBytes) {
        long perElement = Math.max(info.dtype().byteSize(), targetBytes);
        long elements = Math.max(1, chunkBytes / perElement);
        return (int) Math.max(1, Math.min(elements, info.elementCount()));
    }

    private static int arrayLength(TensorInfo info) {
        long count = info.elementCount();
        if (count > MAX_ARRAY_LENGTH) {
            throw new Reason4jException("Tensor '" + info.name() + "' in " + info.file() + " has " + count
                    + " elements, more than a Java array can hold: use load() to get it as an NDArray");
        }
        return (int) count;
    }

    private synchronized FileChannel channel(Path file) {
        if (closed) {
            throw new Reason4jException("Checkpoint " + source + " is closed: open it again to read more tensors");
        }
        FileChannel channel = channels.get(file);
        if (channel == null) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new Reason4jException("Could not open " + file + " of checkpoint " + source + ": " + e.getMessage(), e);
            }
            channels.put(file, channel);
        }
        return channel;
    }

    /** Closes the file handles. Mapped chunks are short-lived and released by the JVM. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Map.Entry<Path, FileChannel> entry : channels.entrySet()) {
            try {
                entry.getValue().close();
            } catch (IOException e) {
                log.warn("Could not close {}: {}", entry.getKey(), e.getMessage());
            }
        }
        channels.clear();
    }

    @Override
    public String toString() {
        return "SafetensorsCheckpoint[" + source + ", " + tensors.size() + " tensors]";
    }
}
