package dev.reason4j.datasets;

import java.util.Objects;

/**
 * Where a row sits in its file, for messages a user can act on: {@code data.jsonl:12} for text formats
 * (the line the row starts on), {@code data.parquet row 12} for Parquet (1-based row number).
 *
 * @param file   the file as the user named it
 * @param number the 1-based line or row number
 * @param unit   whether {@code number} counts lines or rows
 */
public record RowLocation(String file, long number, Unit unit) {
    /** What {@link #number} counts. */
    public enum Unit { LINE, ROW }

    public RowLocation {
        Objects.requireNonNull(file, "RowLocation.file");
        Objects.requireNonNull(unit, "RowLocation.unit");
        if (number < 1) {
            throw new IllegalArgumentException("RowLocation.number is 1-based, got " + number);
        }
    }

    public static RowLocation line(String file, long line) {
        return new RowLocation(file, line, Unit.LINE);
    }

    public static RowLocation row(String file, long row) {
        return new RowLocation(file, row, Unit.ROW);
    }

    @Override
    public String toString() {
        return unit == Unit.LINE ? file + ":" + number : file + " row " + number;
    }
}
