package dev.reason4j.model.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Minimal safetensors writer for test fixtures: 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype: "F32", shape, data_offsets: [begin, end]}, "__metadata__": {...}}} padded with spaces to a
 * multiple of 8 bytes, then the little-endian tensor data in header order (names sorted).
 */
public final class SafetensorsTestWriter {

    private SafetensorsTestWriter() {}

    public static void writeF32(Path file, Map<String, float[]> tensors, Map<String, long[]> shapes)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode header = mapper.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        TreeMap<String, float[]> sorted = new TreeMap<>(tensors);
        long offset = 0;
        for (Map.Entry<String, float[]> e : sorted.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            if (shape == null) {
                throw new IllegalArgumentException("no shape for " + e.getKey());
            }
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            if (count != e.getValue().length) {
                throw new IllegalArgumentException("shape/length mismatch for " + e.getKey());
            }
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shapeNode = t.putArray("shape");
            for (long d : shape) {
                shapeNode.add(d);
            }
            long end = offset + 4L * count;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        StringBuilder json = new StringBuilder(mapper.writeValueAsString(header));
        while (json.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) {
            json.append(' ');
        }
        byte[] headerBytes = json.toString().getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length);
            out.write(len.array());
            out.write(headerBytes);
            for (float[] values : sorted.values()) {
                ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : values) {
                    data.putFloat(v);
                }
                out.write(data.array());
            }
        }
    }
}
