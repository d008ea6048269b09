package dev.reason4j.model.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made files for tests that need bytes the writer would never produce. */
final class SafetensorsTestFiles {
    private SafetensorsTestFiles() {
    }

    /** A file with the given header JSON (unpadded) followed by {@code dataBytes} bytes 0, 1, 2, ... */
    static Path withHeader(Path dir, String fileName, String headerJson, int dataBytes) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        for (int i = 0; i < dataBytes; i++) {
            bytes.put((byte) i);
        }
        Path file = dir.resolve(fileName);
        Files.write(file, bytes.array());
        return file;
    }

    /** Little-endian bytes of 16-bit patterns, as they sit in a file. */
    static byte[] shortsLittleEndian(int... patterns) {
        ByteBuffer bytes = ByteBuffer.allocate(patterns.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int pattern : patterns) {
            bytes.putShort((short) pattern);
        }
        return bytes.array();
    }
}
