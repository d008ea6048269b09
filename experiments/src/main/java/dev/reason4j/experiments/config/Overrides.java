package dev.reason4j.experiments.config;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set a.b=c} on top of a config file. The key is checked against the config records (an
 * unknown key gets a did-you-mean, as in the file); the value is read as the key's type wants it: as
 * written for a string or path key, as YAML otherwise ({@code 0.04}, {@code true}, {@code [1, 2]},
 * {@code {name: format}}). A list item is addressed by its index ({@code rewards.1.weight=0.5}); an
 * index one past the end appends.
 */
final class Overrides {
    private Overrides() {
    }

    /** Applies each assignment to {@code root} in order; problems go to {@code errors}. */
    static void apply(YamlNode root, List<String> assignments, Class<? extends Record> schema, List<ConfigError> errors) {
        for (String assignment : assignments) {
            applyOne(root, assignment, schema, errors);
        }
    }

    private static void applyOne(YamlNode root, String assignment, Class<? extends Record> schema, List<ConfigError> errors) {
        ConfigLocation at = ConfigLocation.override(assignment);
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            errors.add(new ConfigError(at, "", "write an override as key=value, e.g. --set grpo.beta=0.04"));
            return;
        }
        String key = assignment.substring(0, eq).strip();
        String text = assignment.substring(eq + 1);
        List<String> segments = List.of(key.split("\\.", -1));
        Type target = targetType(schema, segments, at, errors);
        if (target == null) {
            return;
        }
        YamlNode value = valueNode(target, text, at, errors);
        if (value != null) {
            place(root, segments, value, at, errors);
        }
    }

    /** The Java type the key names, or null after an error. */
    private static Type targetType(Class<? extends Record> schema, List<String> segments, ConfigLocation at, List<ConfigError> errors) {
        Type type = schema;
        String path = "";
        for (String segment : segments) {
            Class<?> raw = ConfigTypes.raw(type);
            String next = ConfigBinder.join(path, segment);
            if (raw.isRecord()) {
                Map<String, RecordComponent> byKey = new LinkedHashMap<>();
                for (RecordComponent c : raw.getRecordComponents()) {
                    byKey.put(ConfigNames.key(c.getName()), c);
                }
                RecordComponent c = byKey.get(segment);
                if (c == null) {
                    errors.add(new ConfigError(at, next, ConfigBinder.unknownKey(segment, byKey.keySet())));
                    return null;
                }
                type = c.getGenericType();
            } else if (List.class.isAssignableFrom(raw)) {
                if (!segment.matches("\\d+")) {
                    errors.add(new ConfigError(at, next, "is a list item: address it by its index, e.g. " + path + ".0"));
                    return null;
                }
                type = ConfigTypes.typeArgument(type, 0);
            } else if (Map.class.isAssignableFrom(raw) || raw == Object.class) {
                type = Object.class;
            } else {
                errors.add(new ConfigError(at, next, path + " is " + ConfigTypes.describe(type) + ", not a section with keys"));
                return null;
            }
            path = next;
        }
        return type;
    }

    private static YamlNode valueNode(Type target, String text, ConfigLocation at, List<ConfigError> errors) {
        Class<?> raw = ConfigTypes.raw(target);
        if (text.equals("null") || text.equals("~") || text.isEmpty()) {
            return YamlNode.nullNode(at, text.isEmpty() ? "" : text);
        }
        if (raw == String.class || raw == Path.class) {
            return YamlNode.scalar(text, text, at);
        }
        List<ConfigError> parseErrors = new ArrayList<>();
        YamlNode parsed = YamlTrees.parse(text, at.source(), false, parseErrors);
        errors.addAll(parseErrors);
        return parsed == null ? null : YamlNode.fromJava(parsed.toJava(), at);
    }

    private static void place(YamlNode root, List<String> segments, YamlNode value, ConfigLocation at, List<ConfigError> errors) {
        YamlNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            YamlNode child = last ? value : null;
            if (node.kind() == YamlNode.Kind.LIST) {
                int index = Integer.parseInt(segment);
                if (index > node.items().size()) {
                    errors.add(new ConfigError(at, String.join(".", segments.subList(0, i + 1)), "the list has "
                            + node.items().size() + " items; use an index up to " + node.items().size() + " (that one appends)"));
                    return;
                }
                YamlNode existing = index < node.items().size() ? node.items().get(index) : null;
                child = last ? value : container(existing, segments.get(i + 1), at);
                if (existing == null) {
                    node.add(child);
                } else {
                    node.set(index, child);
                }
            } else {
                YamlNode existing = node.fields().get(segment);
                child = last ? value : container(existing, segments.get(i + 1), at);
                node.put(segment, child, at);
            }
            node = child;
        }
    }

    /** The existing node if it can hold the next segment; else a new mapping or list for it. */
    private static YamlNode container(YamlNode existing, String nextSegment, ConfigLocation at) {
        boolean wantsList = nextSegment.matches("\\d+");
        if (existing != null && existing.kind() == (wantsList ? YamlNode.Kind.LIST : YamlNode.Kind.MAP)) {
            return existing;
        }
        return wantsList ? YamlNode.list(at) : YamlNode.map(at);
    }
}
