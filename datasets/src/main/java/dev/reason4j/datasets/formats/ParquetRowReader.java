package dev.reason4j.datasets.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.BadRow;
import dev.reason4j.datasets.RowLocation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;

/**
 * Parquet through DuckDB's JDBC driver (in-process, offline: its jar carries the native library with the
 * parquet and json extensions built in). DuckDB turns each row into a JSON object, so nested lists and
 * structs (test lists, chat messages) arrive as JSON arrays and objects. Rows are located by their 1-based
 * row number, in file order.
 */
final class ParquetRowReader implements RowReader {
    /** An alias no real column is likely to have: {@code to_json(alias)} must mean the whole row. */
    private static final String QUERY = "SELECT to_json(reason4j_row) FROM read_parquet(?) AS reason4j_row";

    @Override
    public void read(Path file, String displayName, RowVisitor visitor) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement settings = connection.createStatement()) {
                // Never reach for the network: everything needed is built into the jar.
                settings.execute("SET autoinstall_known_extensions = false");
                settings.execute("SET autoload_known_extensions = false");
                settings.execute("SET preserve_insertion_order = true");
            }
            try (PreparedStatement query = connection.prepareStatement(QUERY)) {
                query.setString(1, file.toAbsolutePath().toString());
                try (ResultSet rows = query.executeQuery()) {
                    long index = 0;
                    while (rows.next()) {
                        visit(rows.getString(1), RowLocation.row(displayName, index + 1), index, visitor);
                        index++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new Reason4jException("cannot read Parquet dataset file " + displayName + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static void visit(String json, RowLocation location, long index, RowVisitor visitor) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                visitor.row(new Row(location, index, object));
            } else {
                visitor.badRow(new BadRow(location, "row did not convert to a JSON object"));
            }
        } catch (JsonProcessingException e) {
            visitor.badRow(new BadRow(location, "row did not convert to JSON: " + Json.describe(e)));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
