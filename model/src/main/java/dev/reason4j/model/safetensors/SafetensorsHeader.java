package dev.reason4j.model.safetensors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads and writes the JSON header of one .safetensors file, with the checks the format implies. */
final class SafetensorsHeader {
    private static final Logger log = LoggerFactory.getLogger(SafetensorsHeader.class);

    static final int LENGTH_PREFIX_BYTES = 8;
    /** The reference implementation's limit; anything larger is a corrupt length field, not a header. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA_KEY = "__metadata__";

    /** Duplicate keys would silently shadow a tensor, so they are an error, as is junk after the object. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafetensorsHeader() {
    }

    /**
     * What one file's header says.
     *
     * @param tensors  by name, in header order
     * @param metadata the {@code __metadata__} map, empty if absent
     */
    record FileContents(Path file, Map<String, TensorInfo> tensors, Map<String, String> metadata) {
        FileContents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /** A tensor to describe in a header being written; offsets are assigned in list order. */
    record Entry(String name, SafetensorsDType dtype, long[] shape) {
        Entry {
            Objects.requireNonNull(name, "tensor name must be set");
            Objects.requireNonNull(dtype, "dtype must be set for tensor " + name);
            Objects.requireNonNull(shape, "shape must be set for tensor " + name + " (use an empty array for a scalar)");
            shape = shape.clone();
        }

        long byteLength() {
            return TensorInfo.byteLengthOf(dtype, shape, "tensor '" + name + "'");
        }
    }

    /** Parses and validates the header of {@code file}. */
    static FileContents read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < LENGTH_PREFIX_BYTES) {
                throw new Reason4jException(file + " is only " + fileSize + " bytes long, shorter than the 8-byte header length "
                        + "every safetensors file starts with: it is truncated or not a safetensors file. Download or save it again.");
            }
            long headerLength = readFully(channel, 0, LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            checkHeaderLength(file, headerLength, fileSize);
            ByteBuffer headerBytes = readFully(channel, LENGTH_PREFIX_BYTES, (int) headerLength);
            JsonNode root = parseJson(file, headerBytes.array());
            return parseEntries(file, root, LENGTH_PREFIX_BYTES + headerLength, fileSize);
        } catch (NoSuchFileException e) {
            throw new Reason4jException("Safetensors file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new Reason4jException("Could not read safetensors file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeaderLength(Path file, long headerLength, long fileSize) {
        // headerLength is an unsigned u64 on disk; a negative long means a value above 2^63.
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new Reason4jException("The header length field of " + file + " says " + Long.toUnsignedString(headerLength)
                    + " bytes, more than the 100 MB a safetensors header may have: this is not a safetensors file or its first "
                    + "8 bytes are corrupt. Download or save it again.");
        }
        if (headerLength > fileSize - LENGTH_PREFIX_BYTES) {
            throw new Reason4jException("The header length field of " + file + " says " + headerLength + " bytes but only "
                    + (fileSize - LENGTH_PREFIX_BYTES) + " bytes follow it: the file is truncated or not a safetensors file. "
                    + "Download or save it again.");
        }
    }

    private static JsonNode parseJson(Path file, byte[] header) {
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JacksonException e) {
            throw new Reason4jException("The header of " + file + " " + describe(e)
                    + ": the file is corrupt or not a safetensors file", e);
        } catch (IOException e) {
            throw new Reason4jException("Could not parse the header of " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new Reason4jException("The header of " + file + " is not a JSON object (found "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase())
                    + "): the file is corrupt or not a safetensors file");
        }
        return root;
    }

    /** "is not valid JSON (...)", or for a repeated key, which Jackson reports the same way, says so. */
    static String describe(JacksonException e) {
        String detail = e.getOriginalMessage();
        return detail != null && detail.startsWith("Duplicate field")
                ? "names the same key twice (" + detail + ")"
                : "is not valid JSON (" + detail + ")";
    }

    private static FileContents parseEntries(Path file, JsonNode root, long dataStart, long fileSize) {
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        long dataEnd = 0;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (METADATA_KEY.equals(name)) {
                metadata.putAll(parseMetadata(file, field.getValue()));
                continue;
            }
            TensorInfo info = parseTensor(file, name, field.getValue(), dataStart, fileSize);
            tensors.put(name, info);
            dataEnd = Math.max(dataEnd, info.dataStart() + info.byteLength());
        }
        if (dataEnd < fileSize && !tensors.isEmpty()) {
            log.debug("{} has {} bytes after its last tensor; ignoring them", file, fileSize - dataEnd);
        }
        return new FileContents(file, tensors, metadata);
    }

    private static TensorInfo parseTensor(Path file, String name, JsonNode node, long dataStart, long fileSize) {
        String where = "tensor '" + name + "' in " + file;
        if (!node.isObject()) {
            throw new Reason4jException("The header entry for " + where + " is not a JSON object with dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        SafetensorsDType dtype = SafetensorsDType.parse(dtypeNode != null && dtypeNode.isTextual() ? dtypeNode.asText() : null, where);
        long[] shape = nonNegativeLongs(node.get("shape"), "shape", where);
        long[] offsets = nonNegativeLongs(node.get("data_offsets"), "data_offsets", where);
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new Reason4jException("data_offsets of " + where + " is " + node.get("data_offsets")
                    + ": it must be two ascending numbers [begin, end]. The header is corrupt.");
        }
        long byteLength = offsets[1] - offsets[0];
        long expected = TensorInfo.byteLengthOf(dtype, shape, where);
        if (byteLength != expected) {
            throw new Reason4jException("data_offsets " + Arrays.toString(offsets) + " of " + where + " span " + byteLength
                    + " bytes but its shape " + Arrays.toString(shape) + " of " + dtype + " needs " + expected
                    + " bytes: the header is corrupt");
        }
        if (offsets[1] > fileSize - dataStart) {
            throw new Reason4jException("The data of " + where + " ends at byte " + (dataStart + offsets[1]) + " but the file is only "
                    + fileSize + " bytes long: the file is truncated (an interrupted download or save?). Download or save it again.");
        }
        return new TensorInfo(name, dtype, shape, file, dataStart + offsets[0], byteLength);
    }

    private static long[] nonNegativeLongs(JsonNode node, String field, String where) {
        if (node == null || !node.isArray()) {
            throw new Reason4jException("The " + field + " of " + where + " is " + (node == null ? "missing" : node.toString())
                    + ": it must be a JSON array of non-negative integers. The header is corrupt.");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = node.get(i);
            if (!element.isIntegralNumber() || !element.canConvertToLong() || element.asLong() < 0) {
                throw new Reason4jException("The " + field + " of " + where + " is " + node
                        + ": it must be a JSON array of non-negative integers. The header is corrupt.");
            }
            values[i] = element.asLong();
        }
        return values;
    }

    private static Map<String, String> parseMetadata(Path file, JsonNode node) {
        if (!node.isObject()) {
            throw new Reason4jException("__metadata__ in the header of " + file + " is not a JSON object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new Reason4jException("__metadata__ key '" + entry.getKey() + "' in " + file + " has value "
                        + entry.getValue() + "; safetensors metadata values must be strings");
            }
            metadata.put(entry.getKey(), entry.getValue().asText());
        }
        return metadata;
    }

    /**
     * The bytes before the data buffer: the 8-byte little-endian length then the JSON header, padded
     * with spaces to a multiple of 8 as the reference writer does (so every tensor stays aligned).
     * Data offsets are contiguous in list order, starting at 0.
     *
     * @param metadata written as {@code __metadata__} only when non-empty; may be null
     */
    static byte[] encode(List<Entry> entries, Map<String, String> metadata, Path file) {
        ObjectNode root = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode metadataNode = root.putObject(METADATA_KEY);
            metadata.forEach((key, value) -> {
                if (key == null || value == null) {
                    throw new Reason4jException("Metadata for " + file + " has a null key or value (" + key + "=" + value
                            + "); safetensors metadata maps strings to strings");
                }
                metadataNode.put(key, value);
            });
        }
        long offset = 0;
        for (Entry entry : entries) {
            if (METADATA_KEY.equals(entry.name())) {
                throw new Reason4jException("A tensor for " + file + " is named " + METADATA_KEY + ", which the format reserves; rename it");
            }
            if (root.has(entry.name())) {
                throw new Reason4jException("Tensor name '" + entry.name() + "' appears twice in the tensors for " + file);
            }
            ObjectNode tensor = root.putObject(entry.name());
            tensor.put("dtype", entry.dtype().name());
            ArrayNode shape = tensor.putArray("shape");
            for (long dim : entry.shape()) {
                shape.add(dim);
            }
            long end = Math.addExact(offset, entry.byteLength());
            tensor.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new Reason4jException("Could not encode the safetensors header for " + file + ": " + e.getMessage(), e);
        }
        int padded = (json.length + LENGTH_PREFIX_BYTES - 1) / LENGTH_PREFIX_BYTES * LENGTH_PREFIX_BYTES;
        if (padded > MAX_HEADER_BYTES) {
            throw new Reason4jException("The safetensors header for " + file + " would be " + padded
                    + " bytes, over the format's 100 MB limit: save fewer tensors per file (use smaller shards)");
        }
        ByteBuffer out = ByteBuffer.allocate(LENGTH_PREFIX_BYTES + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        while (out.hasRemaining()) {
            out.put((byte) ' ');
        }
        return out.array();
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        buffer.flip();
        return buffer;
    }
}
