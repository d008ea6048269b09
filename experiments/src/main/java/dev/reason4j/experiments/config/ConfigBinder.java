package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a {@link YamlNode} tree to config records. The records are the schema: a component
 * {@code learningRate} is the key {@code learning_rate}; its Java type is the type the value must
 * have; {@link Default} gives the value when the key is absent (no default: required); {@link Range}
 * bounds a number. Every problem becomes a {@link ConfigError} naming the line and the key, and
 * binding goes on, so one run reports them all. A record's constructor may refuse a combination of
 * values with {@link InvalidSetting}, which is placed at that key's line.
 */
final class ConfigBinder {
    private final List<ConfigError> errors;
    private final Map<String, ConfigLocation> locations = new LinkedHashMap<>();

    ConfigBinder(List<ConfigError> errors) {
        this.errors = errors;
    }

    /** Where each key that was written (not defaulted) was written, by dotted path; "" is the document. */
    Map<String, ConfigLocation> locations() {
        return locations;
    }

    /** The record of {@code type} from {@code node}, or null when anything in it was wrong (see the errors). */
    <R extends Record> R bindRoot(Class<R> type, YamlNode node) {
        locations.put("", node.location());
        return type.cast(bindRecord(type, node, "", null));
    }

    /** As {@link #bindRoot}, with absent keys taken from {@code defaults} instead of {@link Default}. */
    <R extends Record> R bindWithDefaults(Class<R> type, YamlNode node, String path, Object defaults) {
        locations.putIfAbsent(path, node.location());
        return type.cast(bindRecord(type, node, path, defaults));
    }

    private Object bindRecord(Class<?> type, YamlNode node, String path, Object defaults) {
        if (node.kind() != YamlNode.Kind.MAP) {
            error(node.location(), path, "must be a mapping of key: value, got " + node.describe());
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(ConfigNames.key(c.getName()), c);
        }
        for (String key : node.fields().keySet()) {
            if (!byKey.containsKey(key)) {
                error(node.keyLocation(key), join(path, key), unknownKey(key, byKey.keySet()));
            }
        }
        int before = errors.size();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = component(components[i], node, path, defaults);
        }
        return errors.size() > before ? null : construct(type, components, args, path, node);
    }

    private Object component(RecordComponent c, YamlNode node, String path, Object defaults) {
        String key = ConfigNames.key(c.getName());
        String childPath = join(path, key);
        YamlNode child = node.fields().get(key);
        if (child != null) {
            locations.put(childPath, node.keyLocation(key));
            return bindValue(c.getGenericType(), child, childPath, c);
        }
        if (defaults != null) {
            try {
                return c.getAccessor().invoke(defaults);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the default of " + childPath, e);
            }
        }
        Default d = c.getAnnotation(Default.class);
        if (d == null) {
            error(node.location(), childPath, "is required but missing; add " + key + ": under " + (path.isEmpty() ? "the top level" : path));
            return null;
        }
        List<ConfigError> ignored = new ArrayList<>();
        YamlNode parsed = YamlTrees.parse(d.value(), node.location().source(), false, ignored);
        if (parsed == null || !ignored.isEmpty()) {
            throw new IllegalStateException("@Default(\"" + d.value() + "\") of " + childPath + " is not YAML");
        }
        return bindValue(c.getGenericType(), relocate(parsed, node.location()), childPath, c);
    }

    /** Defaults are reported at the section they were filled into. */
    private static YamlNode relocate(YamlNode parsed, ConfigLocation at) {
        return YamlNode.fromJava(parsed.toJava(), at);
    }

    Object bindValue(Type type, YamlNode node, String path, RecordComponent component) {
        Class<?> raw = ConfigTypes.raw(type);
        if (node.kind() == YamlNode.Kind.NULL) {
            if (raw.isRecord() && node.text().isEmpty()) {
                return bindRecord(raw, YamlNode.map(node.location()), path, null); // "sft:" alone: the section with its defaults
            }
            if (!raw.isPrimitive() && component != null && isOptional(component)) {
                return null;
            }
            error(node.location(), path, "must be " + ConfigTypes.describe(type) + ", not null");
            return null;
        }
        if (raw.isRecord()) {
            return bindRecord(raw, node, path, null);
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return bindCollection(type, raw, node, path);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (node.kind() != YamlNode.Kind.MAP) {
                error(node.location(), path, "must be a mapping of key: value, got " + node.describe());
                return null;
            }
            return Collections.unmodifiableMap((Map<?, ?>) node.toJava());
        }
        if (raw == Object.class) {
            return node.toJava();
        }
        Object value = ConfigScalars.bind(raw, node, path, errors);
        if (value != null && component != null && component.getAnnotation(Range.class) != null) {
            ConfigScalars.checkRange(component.getAnnotation(Range.class), ((Number) value).doubleValue(), node, path, errors);
        }
        return value;
    }

    private Object bindCollection(Type type, Class<?> raw, YamlNode node, String path) {
        if (node.kind() != YamlNode.Kind.LIST) {
            error(node.location(), path, "must be a list, e.g. [a, b], got " + node.describe());
            return null;
        }
        Type element = ConfigTypes.typeArgument(type, 0);
        List<Object> out = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < node.items().size(); i++) {
            YamlNode item = node.items().get(i);
            String itemPath = path + "." + i;
            locations.put(itemPath, item.location());
            out.add(bindValue(element, item, itemPath, null));
        }
        if (errors.size() > before) {
            return null;
        }
        return Set.class.isAssignableFrom(raw) ? Collections.unmodifiableSet(new LinkedHashSet<>(out)) : Collections.unmodifiableList(out);
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] args, String path, YamlNode node) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidSetting invalid) {
                String key = join(path, invalid.key());
                error(locations.getOrDefault(key, node.location()), key, invalid.getMessage());
                return null;
            }
            if (cause instanceof Reason4jException r) {
                error(node.location(), path, r.getMessage());
                return null;
            }
            throw new IllegalStateException("building " + type.getSimpleName() + " for " + (path.isEmpty() ? "the config" : path) + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a config record with a canonical constructor", e);
        }
    }

    private static boolean isOptional(RecordComponent c) {
        Default d = c.getAnnotation(Default.class);
        return d != null && (d.value().equals("null") || d.value().equals("~"));
    }

    static String unknownKey(String key, Set<String> valid) {
        String hint = Suggestions.closest(key, valid).map(s -> "did you mean '" + s + "'? ").orElse("");
        return "unknown key; " + hint + "(valid keys here: " + String.join(", ", valid) + ")";
    }

    private void error(ConfigLocation at, String path, String message) {
        errors.add(new ConfigError(at, path, message));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
