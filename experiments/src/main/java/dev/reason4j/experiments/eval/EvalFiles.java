package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reason4j.core.Reason4jException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of an evaluation directory: {@code results.jsonl} (one {@link ProblemResult} per line),
 * {@code summary.json} (the {@link EvalSummary}), and for a comparison {@code comparison.jsonl}
 * (one {@link Comparison.ProblemDiff} per line) and {@code comparison.json} (its summary). Keys are
 * snake_case.
 */
public final class EvalFiles {
    public static final String RESULTS = "results.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String COMPARISON = "comparison.jsonl";
    public static final String COMPARISON_SUMMARY = "comparison.json";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EvalFiles() {
    }

    /** One JSON line of a result (what the CLI prints). */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an evaluation result", e);
        }
    }

    /** Writes {@code results.jsonl} and {@code summary.json} into {@code dir} (created if needed), replacing them. */
    public static void write(Path dir, EvalResults results) {
        writeLines(dir, RESULTS, results.problems());
        writePretty(dir, SUMMARY, results.summary());
    }

    /** Writes {@code comparison.jsonl} and {@code comparison.json} into {@code dir}. */
    public static void writeComparison(Path dir, Comparison comparison) {
        writeLines(dir, COMPARISON, comparison.problems());
        writePretty(dir, COMPARISON_SUMMARY, comparison.summary());
    }

    /** Reads what {@link #write} wrote; a bad line is reported as {@code file:line}. */
    public static EvalResults read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Reason4jException("evaluation directory not found: " + dir + " (give a directory that eval --out wrote)");
        }
        List<ProblemResult> problems = new ArrayList<>();
        for (JsonLine line : readJsonLines(dir.resolve(RESULTS), "evaluation results")) {
            problems.add(convert(line, ProblemResult.class));
        }
        if (problems.isEmpty()) {
            throw new Reason4jException(dir.resolve(RESULTS) + " holds no problems");
        }
        Path summaryFile = dir.resolve(SUMMARY);
        if (!Files.isRegularFile(summaryFile)) {
            throw new Reason4jException("no " + SUMMARY + " in " + dir + ": the evaluation did not finish; run eval --out " + dir + " again");
        }
        try {
            return new EvalResults(problems, MAPPER.readValue(summaryFile.toFile(), EvalSummary.class));
        } catch (JsonProcessingException e) {
            throw new Reason4jException(summaryFile + ":" + e.getLocation().getLineNr() + ": not a summary: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + summaryFile, e);
        }
    }

    /** One non-blank line of a JSON-lines file, parsed. */
    record JsonLine(Path file, int line, JsonNode node) {
        String where() {
            return file + ":" + line;
        }
    }

    /** The non-blank lines of a JSON-lines file; a missing file or a line that is not JSON is a user error naming it. */
    static List<JsonLine> readJsonLines(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new Reason4jException(what + " file not found: " + file + " (resolved to " + file.toAbsolutePath() + ")");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<JsonLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(new JsonLine(file, i + 1, MAPPER.readTree(lines.get(i))));
            } catch (JsonProcessingException e) {
                throw new Reason4jException(file + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static <T> T convert(JsonLine line, Class<T> type) {
        try {
            return MAPPER.treeToValue(line.node(), type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof Reason4jException r ? r : e;
            String message = cause instanceof Reason4jException ? cause.getMessage() : e.getOriginalMessage();
            throw new Reason4jException(line.where() + ": not a " + type.getSimpleName() + " row: " + message);
        }
    }

    private static void writeLines(Path dir, String name, List<?> rows) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                for (Object row : rows) {
                    w.write(MAPPER.writeValueAsString(row));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    private static void writePretty(Path dir, String name, Object value) {
        try {
            Files.createDirectories(dir);
            MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(name).toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }
}
