package dev.reason4j.datasets.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.BadRow;
import dev.reason4j.datasets.RowLocation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV (or TSV) with a header line naming the columns; quoted cells may span lines. Every cell is a
 * string; a cell holding JSON (a test list, chat messages) is parsed by the field mapping. A record is
 * located by the line it starts on.
 */
final class CsvRowReader implements RowReader {
    private static final CsvMapper CSV = new CsvMapper();

    private final char separator;

    CsvRowReader(char separator) {
        this.separator = separator;
    }

    @Override
    public void read(Path file, String displayName, RowVisitor visitor) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvParser parser = CSV.getFactory().createParser(skipByteOrderMark(reader))) {
            parser.setSchema(schema);
            long index = 0;
            long lastFailureOffset = -1;
            while (true) {
                JsonToken token;
                long line = parser.currentLocation().getLineNr();
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException e) {
                    long offset = parser.currentLocation().getCharOffset();
                    if (offset == lastFailureOffset) {
                        throw unreadable(displayName, line, e);
                    }
                    lastFailureOffset = offset;
                    visitor.badRow(new BadRow(RowLocation.line(displayName, Math.max(1, line)), describe(e)));
                    index++;
                    skipRestOfRecord(parser, displayName, line);
                    continue;
                }
                if (token == null) {
                    return;
                }
                // After START_OBJECT the reader stands at the record's first cell: its line is the record's.
                RowLocation location = RowLocation.line(displayName, parser.currentLocation().getLineNr());
                ObjectNode fields = readRecord(parser, location, visitor);
                if (fields != null) {
                    visitor.row(new Row(location, index, fields));
                }
                index++;
            }
        } catch (IOException e) {
            throw new Reason4jException("cannot read CSV dataset file " + displayName + ": " + e.getMessage(), e);
        }
    }

    /** Reads one record's cells; a record with more cells than the header has is reported and dropped. */
    private static ObjectNode readRecord(CsvParser parser, RowLocation location, RowVisitor visitor) throws IOException {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        try {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String column = parser.currentName();
                parser.nextToken();
                fields.put(column, parser.getText());
            }
            return fields;
        } catch (JsonProcessingException e) {
            visitor.badRow(new BadRow(location, describe(e)));
            skipRestOfRecord(parser, location.file(), location.number());
            return null;
        }
    }

    /** Moves past the end of a malformed record; a second error inside it means the file cannot be read on. */
    private static void skipRestOfRecord(CsvParser parser, String displayName, long line) throws IOException {
        try {
            for (JsonToken token = parser.currentToken(); token != null && token != JsonToken.END_OBJECT; ) {
                token = parser.nextToken();
            }
        } catch (JsonProcessingException e) {
            throw unreadable(displayName, line, e);
        }
    }

    private static Reason4jException unreadable(String displayName, long line, JsonProcessingException e) {
        return new Reason4jException("CSV dataset file " + displayName + " cannot be read past line " + line + ": "
                + describe(e) + "; fix the quoting there");
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("malformed CSV record");
        return message.startsWith("Too many entries")
                ? "more cells than the header has columns (" + message + "); quote cells that contain the separator"
                : "malformed CSV record: " + message;
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
