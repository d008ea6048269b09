package dev.reason4j.datasets.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.datasets.RowLocation;

import java.util.Objects;

/**
 * One record of a dataset file.
 *
 * @param location where it is, for messages
 * @param index    0-based position among all records of the file, bad ones included, so ids derived
 *                 from it do not shift when a bad row is skipped
 * @param fields   the record's columns; CSV cells are strings, other formats keep their JSON types
 */
public record Row(RowLocation location, long index, ObjectNode fields) {
    public Row {
        Objects.requireNonNull(location, "Row.location");
        Objects.requireNonNull(fields, "Row.fields");
    }
}
