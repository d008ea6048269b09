package dev.reason4j.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON-lines file that a run appends to ({@code metrics.jsonl}, {@code samples.jsonl}). A process
 * killed mid-write leaves a partial last line: that line is skipped with a warning. A bad line anywhere
 * else is corruption, and fails with the file and line number.
 */
final class JsonLines {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);
    /** Python's {@code json.dumps} and Jackson's defaults write non-finite floats as NaN / Infinity. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One JSON object and the 1-based line it came from. */
    record Line(int number, ObjectNode object) {
    }

    private JsonLines() {
    }

    /** The objects of {@code file}, blank lines left out; a malformed last line is dropped with a warning. */
    static List<Line> read(Path file) {
        String text;
        try {
            // Decoded leniently: a truncated write can end inside a multi-byte character.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Reason4jException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String[] raw = text.split("\n", -1);
        int last = lastNonBlank(raw);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                lines.add(new Line(i + 1, parseObject(line)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                if (i == last) {
                    LOG.warn("{}:{}: skipping an incomplete last line (the writer was probably stopped mid-line)", file, i + 1);
                    continue;
                }
                throw new Reason4jException(file + ":" + (i + 1) + ": not a JSON object (" + describe(e)
                        + "); fix or delete that line", e);
            }
        }
        return lines;
    }

    private static ObjectNode parseObject(String line) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(line);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected {...}, found " + node.getNodeType().toString().toLowerCase());
        }
        return object;
    }

    private static String describe(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static int lastNonBlank(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
