package dev.reason4j.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The report's configuration: the resolved {@code config.yaml} as a settings table, and in full, folded. */
final class ConfigSection {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSection.class);
    static final String FILE = "config.yaml";
    /** Past this many settings the table stops; the folded YAML below it has the rest. */
    static final int MAX_ROWS = 60;
    /** Decimals read exactly, so {@code 2e-5} shows as {@code 0.00002}, not {@code 2.0E-5}. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ConfigSection() {
    }

    static String render(Path runDir) {
        StringBuilder md = new StringBuilder("## Configuration\n\n");
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return md.append("_No ").append(FILE).append(" in the run directory: configuration not shown._\n\n").toString();
        }
        String yaml = read(file);
        try {
            md.append(settingsTable(YAML.readTree(yaml)));
        } catch (JsonProcessingException e) {
            LOG.warn("{} is not valid YAML ({}); the report shows it as written", file, e.getOriginalMessage());
            md.append("_").append(FILE).append(" is not valid YAML (").append(Markdown.text(e.getOriginalMessage()))
                    .append("); shown as written below._\n\n");
        }
        md.append("<details><summary>Resolved ").append(FILE).append("</summary>\n\n")
                .append(Markdown.fenced(yaml, "yaml"))
                .append("\n</details>\n\n");
        return md.toString();
    }

    private static String settingsTable(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return "_" + FILE + " holds no settings._\n\n";
        }
        Map<String, JsonNode> leaves = Flattened.of(root);
        List<List<String>> rows = new ArrayList<>();
        leaves.entrySet().stream().limit(MAX_ROWS)
                .forEach(e -> rows.add(List.of(Markdown.codeCell(e.getKey()), Markdown.codeCell(Flattened.text(e.getValue())))));
        String table = Markdown.table(List.of("setting", "value"), rows);
        int hidden = leaves.size() - rows.size();
        return table + (hidden > 0 ? "\n_… and " + hidden + " more settings in the full file below._\n" : "") + "\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Reason4jException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
