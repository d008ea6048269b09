package dev.reason4j.experiments.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written: a mapping (keys in file order, each with its own
 * line), a list, a scalar (as YAML typed it, with its text as written), or null. Mutable only while
 * overrides are applied.
 */
public final class YamlNode {
    /** The shape of a node. */
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final Object value;
    private final String text;
    private final ConfigLocation location;
    private final Map<String, YamlNode> fields;
    private final Map<String, ConfigLocation> keyLocations;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, Object value, String text, ConfigLocation location) {
        this.kind = kind;
        this.value = value;
        this.text = text;
        this.location = location;
        this.fields = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.keyLocations = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.items = kind == Kind.LIST ? new ArrayList<>() : List.of();
    }

    public static YamlNode map(ConfigLocation at) {
        return new YamlNode(Kind.MAP, null, null, at);
    }

    public static YamlNode list(ConfigLocation at) {
        return new YamlNode(Kind.LIST, null, null, at);
    }

    /**
     * @param value a String, Number or Boolean, as YAML typed it
     * @param text  the scalar as written (so a string key keeps {@code yes} or {@code 1e3} verbatim)
     */
    public static YamlNode scalar(Object value, String text, ConfigLocation at) {
        return new YamlNode(Kind.SCALAR, value, text, at);
    }

    public static YamlNode nullNode(ConfigLocation at) {
        return nullNode(at, "null");
    }

    /** @param text as written: {@code null}, {@code ~}, or empty ({@code key:} with no value, which a section reads as "all defaults") */
    public static YamlNode nullNode(ConfigLocation at, String text) {
        return new YamlNode(Kind.NULL, null, text, at);
    }

    /** A node from plain Java values (maps, lists, strings, numbers, booleans), all placed at {@code at}. */
    public static YamlNode fromJava(Object value, ConfigLocation at) {
        if (value == null) {
            return nullNode(at);
        }
        if (value instanceof Map<?, ?> map) {
            YamlNode node = map(at);
            map.forEach((k, v) -> node.put(String.valueOf(k), fromJava(v, at), at));
            return node;
        }
        if (value instanceof List<?> list) {
            YamlNode node = list(at);
            list.forEach(v -> node.add(fromJava(v, at)));
            return node;
        }
        return scalar(value, String.valueOf(value), at);
    }

    public Kind kind() {
        return kind;
    }

    /** The scalar's value as YAML typed it (String, Number or Boolean); null otherwise. */
    public Object value() {
        return value;
    }

    /** The scalar as written. */
    public String text() {
        return text;
    }

    public ConfigLocation location() {
        return location;
    }

    public Map<String, YamlNode> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Where {@code key} of this mapping was written. */
    public ConfigLocation keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    public List<YamlNode> items() {
        return Collections.unmodifiableList(items);
    }

    void put(String key, YamlNode child, ConfigLocation keyAt) {
        fields.put(key, child);
        keyLocations.put(key, keyAt);
    }

    void add(YamlNode item) {
        items.add(item);
    }

    void set(int index, YamlNode item) {
        items.set(index, item);
    }

    /** Plain Java values: LinkedHashMap, ArrayList, String, Number, Boolean, null. */
    public Object toJava() {
        return switch (kind) {
            case NULL -> null;
            case SCALAR -> value;
            case LIST -> {
                List<Object> out = new ArrayList<>();
                items.forEach(i -> out.add(i.toJava()));
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                fields.forEach((k, v) -> out.put(k, v.toJava()));
                yield out;
            }
        };
    }

    /** How a message shows this node: the scalar as written, or its shape. */
    String describe() {
        return switch (kind) {
            case SCALAR -> value instanceof String ? "\"" + text + "\"" : text;
            case NULL -> "null";
            case LIST -> "a list";
            case MAP -> "a mapping";
        };
    }
}
