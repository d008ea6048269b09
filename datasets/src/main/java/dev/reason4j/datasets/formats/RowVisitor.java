package dev.reason4j.datasets.formats;

import dev.reason4j.datasets.BadRow;

/** Receives the records of a file in order. */
public interface RowVisitor {
    /** A record that parsed as an object. */
    void row(Row row);

    /**
     * A record that could not be parsed (unparsable JSON line, not an object, wrong number of CSV
     * cells). Its position still counts in {@link Row#index()}.
     */
    void badRow(BadRow badRow);
}
