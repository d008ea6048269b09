package dev.reason4j.datasets;

import java.util.Objects;

/**
 * A row that could not become a {@link dev.reason4j.core.Problem}, and why.
 *
 * @param location where the row is ({@code file:line}, or {@code file row N} for Parquet)
 * @param reason   what is wrong with it, written for the user
 */
public record BadRow(RowLocation location, String reason) {
    public BadRow {
        Objects.requireNonNull(location, "BadRow.location");
        Objects.requireNonNull(reason, "BadRow.reason");
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
