package dev.reason4j.datasets.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.BadRow;
import dev.reason4j.datasets.RowLocation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A JSON document holding the rows as a top-level array, or as the {@code "data"} array of a top-level
 * object (how Hugging Face exports some sets). Files named {@code .json} that are really JSON lines
 * (several top-level values, or one object without {@code "data"}) are read as JSON lines.
 * A syntax error makes the whole file unreadable, so it fails whatever the bad-row policy.
 */
final class JsonRowReader implements RowReader {
    @Override
    public void read(Path file, String displayName, RowVisitor visitor) {
        try {
            if (isJsonLines(file)) {
                new JsonlRowReader().read(file, displayName, visitor);
                return;
            }
            try (JsonParser parser = Json.STREAMING.createParser(file.toFile())) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    moveToDataArray(parser, displayName);
                }
                readArray(parser, displayName, visitor);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new Reason4jException("dataset file " + displayName + " is not valid JSON at line " + line + ": "
                    + Json.describe(e) + "; fix the file, or save it as JSON lines so one bad row can be skipped", e);
        } catch (IOException e) {
            throw new Reason4jException("cannot read dataset file " + displayName + ": " + e.getMessage(), e);
        }
    }

    /** JSON lines if the first value is an object without a "data" array, or if more values follow it. */
    private static boolean isJsonLines(Path file) throws IOException {
        try (JsonParser parser = Json.STREAMING.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                parser.skipChildren();
                return parser.nextToken() != null;
            }
            if (first != JsonToken.START_OBJECT) {
                return false;
            }
            boolean hasDataArray = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                hasDataArray |= parser.nextToken() == JsonToken.START_ARRAY && "data".equals(field);
                parser.skipChildren();
            }
            return !hasDataArray || parser.nextToken() != null;
        }
    }

    private static void moveToDataArray(JsonParser parser, String displayName) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && "data".equals(field)) {
                return;
            }
            parser.skipChildren();
        }
        throw new Reason4jException("dataset file " + displayName + " has no \"data\" array");
    }

    private static void readArray(JsonParser parser, String displayName, RowVisitor visitor) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new Reason4jException("dataset file " + displayName
                    + " is neither an array of rows nor an object with a \"data\" array of rows");
        }
        long index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            RowLocation location = RowLocation.line(displayName, parser.currentTokenLocation().getLineNr());
            JsonNode element = Json.STREAMING.readTree(parser);
            if (element instanceof ObjectNode object) {
                visitor.row(new Row(location, index, object));
            } else {
                visitor.badRow(new BadRow(location, "expected each array element to be a JSON object, found "
                        + Json.typeOf(element)));
            }
            index++;
        }
    }
}
