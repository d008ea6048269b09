package dev.reason4j.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a config back as YAML with every default filled in: the resolved {@code config.yaml} a run
 * keeps next to its checkpoints. Paths are written absolute, so the file means the same from anywhere;
 * unset optional keys are left out (reading the file back gives the same config).
 */
public final class ConfigWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private ConfigWriter() {
    }

    /** The config as YAML, preceded by {@code header} as comment lines (null for none). */
    public static String toYaml(Record config, String header) {
        StringBuilder out = new StringBuilder();
        if (header != null) {
            header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        }
        try {
            return out.append(YAML.writeValueAsString(toPlain(config))).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved config", e);
        }
    }

    /** Maps, lists and scalars with YAML's names: snake_case keys, enum config names, absolute paths. */
    static Object toPlain(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object v = read(c, record);
                if (v != null) {
                    out.put(ConfigNames.key(c.getName()), toPlain(v));
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(i -> out.add(toPlain(i)));
            return out;
        }
        if (value instanceof Enum<?> e) {
            return ConfigNames.of(e);
        }
        if (value instanceof Path p) {
            return p.toAbsolutePath().normalize().toString();
        }
        return value;
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
