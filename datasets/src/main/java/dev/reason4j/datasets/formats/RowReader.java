package dev.reason4j.datasets.formats;

import java.nio.file.Path;

/** Reads one file format. Errors that make the whole file unreadable throw a {@code Reason4jException}. */
public interface RowReader {
    /**
     * Visits every record of {@code file}.
     *
     * @param file        an existing, readable file
     * @param displayName how messages name the file (usually the path as the user gave it)
     */
    void read(Path file, String displayName, RowVisitor visitor);
}
