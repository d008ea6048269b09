package dev.reason4j.experiments.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Java types a config record may use, and how messages name them. */
final class ConfigTypes {
    private ConfigTypes() {
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported config type " + type);
    }

    static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** "a whole number", "true or false", "one of constant, cosine"… */
    static String describe(Type type) {
        Class<?> raw = raw(type);
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Path.class) {
            return "a file path";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", ConfigNames.all(raw));
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            return "a mapping of key: value";
        }
        return "a value";
    }
}
