package dev.reason4j.datasets.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.BadRow;
import dev.reason4j.datasets.RowLocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON lines: one object per line; blank lines are ignored and do not count as records. */
final class JsonlRowReader implements RowReader {
    @Override
    public void read(Path file, String displayName, RowVisitor visitor) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            long index = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                RowLocation location = RowLocation.line(displayName, lineNumber);
                visit(line, location, index++, visitor);
            }
        } catch (IOException e) {
            throw new Reason4jException("cannot read dataset file " + displayName + ": " + e.getMessage(), e);
        }
    }

    private static void visit(String line, RowLocation location, long index, RowVisitor visitor) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            visitor.badRow(new BadRow(location, "not valid JSON: " + Json.describe(e)));
            return;
        }
        if (node instanceof ObjectNode object) {
            visitor.row(new Row(location, index, object));
        } else {
            visitor.badRow(new BadRow(location, "expected a JSON object per line, found " + Json.typeOf(node)));
        }
    }
}
