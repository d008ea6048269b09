package dev.reason4j.datasets;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.formats.DataFormat;
import dev.reason4j.datasets.formats.Row;
import dev.reason4j.datasets.formats.RowVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Problems from one dataset file (JSONL, JSON, CSV/TSV or Parquet), through a field mapping or a
 * {@link SchemaPreset}. Bad rows are skipped with a count and a logged summary, or stop the load with a
 * message naming {@code file:line}, as the {@link BadRowPolicy} says.
 *
 * <pre>{@code
 * LoadedProblems gsm8k = FileProblemSource.withPreset(Path.of("gsm8k/test.jsonl"), "gsm8k", BadRowPolicy.FAIL).load();
 * }</pre>
 */
public final class FileProblemSource implements ProblemSource {
    private static final Logger LOG = LoggerFactory.getLogger(FileProblemSource.class);

    private final Path file;
    private final DataFormat format;
    private final FieldMapping mapping;
    private final SchemaPreset preset;
    private final BadRowPolicy policy;

    /**
     * @param format  the file format; null to tell it from the extension
     * @param mapping the field mapping; null to detect a {@link SchemaPreset} from the first row
     * @param preset  the preset {@code mapping} came from, for descriptions; else null
     */
    private FileProblemSource(Path file, DataFormat format, FieldMapping mapping, SchemaPreset preset, BadRowPolicy policy) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = format;
        this.mapping = mapping;
        this.preset = preset;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A file read with an explicit field mapping; the format comes from the extension (see {@link #withFormat}). */
    public static FileProblemSource of(Path file, FieldMapping mapping, BadRowPolicy policy) {
        return new FileProblemSource(file, null, Objects.requireNonNull(mapping, "mapping"), null, policy);
    }

    /** A file read with a preset by name ({@code gsm8k, math, aime, code, prompt_answer}) or {@code auto}. */
    public static FileProblemSource withPreset(Path file, String presetName, BadRowPolicy policy) {
        if (SchemaPreset.AUTO.equalsIgnoreCase(presetName.strip())) {
            return new FileProblemSource(file, null, null, null, policy);
        }
        SchemaPreset chosen = SchemaPreset.named(presetName);
        return new FileProblemSource(file, null, chosen.mapping(), chosen, policy);
    }

    /** The same source read as {@code format} whatever the file's extension (a {@code .txt} that holds JSON lines). */
    public FileProblemSource withFormat(DataFormat format) {
        return new FileProblemSource(file, Objects.requireNonNull(format, "format"), mapping, preset, policy);
    }

    @Override
    public String describe() {
        String schema = preset != null ? "preset " + preset.configName() : mapping != null ? "field mapping" : "preset auto";
        String formatName = format == null ? "format from extension" : format.name().toLowerCase(Locale.ROOT);
        return file + " (" + formatName + ", " + schema + ")";
    }

    @Override
    public LoadedProblems load() {
        requireReadable();
        Collector collector = new Collector();
        DataFormat resolved = format != null ? format : DataFormat.forPath(file);
        resolved.reader().read(file, file.toString(), collector);
        if (collector.problems.isEmpty()) {
            throw new Reason4jException("dataset file " + file + " gave no problems"
                    + (collector.skipped.isEmpty() ? ": it has no rows" : "; every row was bad, the first: " + collector.skipped.get(0)));
        }
        if (!collector.skipped.isEmpty()) {
            LOG.warn("skipped {} bad rows of {} ({} problems loaded); first: {}",
                    collector.skipped.size(), file, collector.problems.size(), collector.skipped.get(0));
            collector.skipped.forEach(bad -> LOG.debug("skipped {}", bad));
        }
        LOG.info("loaded {} problems from {}", collector.problems.size(), describe());
        return new LoadedProblems(collector.problems, collector.skipped);
    }

    private void requireReadable() {
        if (!Files.exists(file)) {
            throw new Reason4jException("dataset file not found: " + file + " (resolved to " + file.toAbsolutePath()
                    + "); check the path in the config");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Reason4jException("dataset file " + file + " is not a readable file");
        }
    }

    private String idPrefix() {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Maps rows as they arrive; resolves the preset on the first row when asked to detect it. */
    private final class Collector implements RowVisitor {
        private final List<Problem> problems = new ArrayList<>();
        private final List<BadRow> skipped = new ArrayList<>();
        private RowMapper mapper;

        @Override
        public void row(Row row) {
            if (mapper == null) {
                FieldMapping resolved = mapping;
                if (resolved == null) {
                    SchemaPreset detected = SchemaPreset.detect(row.fields(), file.toString());
                    LOG.info("{}: detected the {} schema", file, detected.configName());
                    resolved = detected.mapping();
                }
                mapper = new RowMapper(resolved, idPrefix());
            }
            try {
                problems.add(mapper.map(row));
            } catch (BadRowException e) {
                badRow(new BadRow(row.location(), e.getMessage()));
            }
        }

        @Override
        public void badRow(BadRow badRow) {
            if (policy == BadRowPolicy.FAIL) {
                throw new Reason4jException("bad dataset row at " + badRow
                        + " (fix the row, or set the bad-row policy to skip to leave such rows out)");
            }
            skipped.add(badRow);
        }
    }
}
