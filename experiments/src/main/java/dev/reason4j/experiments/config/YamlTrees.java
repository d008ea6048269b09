package dev.reason4j.experiments.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * Reads YAML text into {@link YamlNode}s that remember their lines, through Jackson's streaming YAML
 * parser (its {@code JsonLocation} gives each token's line). Syntax errors and duplicate keys are
 * {@link ConfigError}s with the line.
 */
final class YamlTrees {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTrees() {
    }

    /**
     * The document in {@code text}; an empty document is an empty mapping.
     *
     * @param source how messages name the text (the file path, or {@code --set key=value})
     * @param lines  whether {@code source} has lines worth naming (false for a {@code --set} value)
     */
    static YamlNode parse(String text, String source, boolean lines, List<ConfigError> errors) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return YamlNode.map(new ConfigLocation(source, lines ? 1 : 0));
            }
            return read(parser, "", source, lines, errors);
        } catch (JsonProcessingException e) {
            int line = lines && e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            errors.add(new ConfigError(new ConfigLocation(source, line), "", "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            errors.add(new ConfigError(new ConfigLocation(source, 0), "", "cannot read: " + e.getMessage()));
            return null;
        }
    }

    /** The node at the parser's current token; {@code path} is its dotted key, for messages. */
    private static YamlNode read(JsonParser p, String path, String source, boolean lines, List<ConfigError> errors) throws IOException {
        ConfigLocation at = new ConfigLocation(source, lines ? p.currentTokenLocation().getLineNr() : 0);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                YamlNode map = YamlNode.map(at);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    ConfigLocation keyAt = new ConfigLocation(source, lines ? p.currentTokenLocation().getLineNr() : 0);
                    p.nextToken();
                    String keyPath = ConfigBinder.join(path, key);
                    YamlNode value = read(p, keyPath, source, lines, errors);
                    if (map.fields().containsKey(key)) {
                        errors.add(new ConfigError(keyAt, keyPath, "written twice (first at line " + map.keyLocation(key).line()
                                + "); keep one"));
                    }
                    map.put(key, value, keyAt);
                }
                return map;
            }
            case START_ARRAY -> {
                YamlNode list = YamlNode.list(at);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, path + "." + list.items().size(), source, lines, errors));
                }
                return list;
            }
            case VALUE_NULL -> {
                return YamlNode.nullNode(at, p.getText() == null ? "" : p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return YamlNode.scalar(token == JsonToken.VALUE_TRUE, p.getText(), at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return YamlNode.scalar(p.getNumberValue(), p.getText(), at);
            }
            default -> {
                return YamlNode.scalar(p.getText(), p.getText(), at);
            }
        }
    }
}
