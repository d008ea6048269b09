package dev.reason4j.datasets.formats;

import dev.reason4j.core.Reason4jException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The dataset file formats, and which one a file name implies. */
public enum DataFormat {
    JSONL(JsonlRowReader::new, ".jsonl", ".ndjson"),
    JSON(JsonRowReader::new, ".json"),
    CSV(() -> new CsvRowReader(','), ".csv"),
    TSV(() -> new CsvRowReader('\t'), ".tsv"),
    PARQUET(ParquetRowReader::new, ".parquet");

    private final Supplier<RowReader> reader;
    private final String[] extensions;

    DataFormat(Supplier<RowReader> reader, String... extensions) {
        this.reader = reader;
        this.extensions = extensions;
    }

    public RowReader reader() {
        return reader.get();
    }

    /** The format a file's extension names, or an error listing the known ones. */
    public static DataFormat forPath(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (DataFormat format : values()) {
            if (Arrays.stream(format.extensions).anyMatch(name::endsWith)) {
                return format;
            }
        }
        throw new Reason4jException("cannot tell the format of dataset file " + file
                + " from its name: use one of .jsonl, .ndjson, .json, .csv, .tsv, .parquet, or name the format explicitly");
    }

    /** The format named in a config ({@code jsonl}, {@code json}, {@code csv}, {@code tsv}, {@code parquet}). */
    public static DataFormat named(String name) {
        for (DataFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new Reason4jException("unknown dataset format '" + name + "': use one of jsonl, json, csv, tsv, parquet");
    }
}
