package dev.reason4j.model.tokenizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(x, ensure_ascii, indent, separators, sort_keys)}, which is what HF's
 * {@code tojson} template filter calls. Differs from Jackson's output in the default separators
 * ({@code ", "} and {@code ": "}), the float format and the escapes.
 */
final class PyJson {
    private final boolean ensureAscii;
    private final String indent; // null: everything on one line
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;

    /**
     * @param indent     null, a number of spaces, or the indent string itself (as Python accepts)
     * @param separators null, or the two-element list {@code [item_separator, key_separator]}
     */
    PyJson(boolean ensureAscii, Object indent, List<?> separators, boolean sortKeys) {
        this.ensureAscii = ensureAscii;
        this.indent = indent == null ? null
                : indent instanceof Number n ? " ".repeat(Math.max(0, n.intValue())) : indent.toString();
        if (separators != null) {
            if (separators.size() != 2) {
                throw new IllegalArgumentException("tojson separators must be two strings, got " + separators);
            }
            this.itemSeparator = String.valueOf(separators.get(0));
            this.keySeparator = String.valueOf(separators.get(1));
        } else {
            this.itemSeparator = this.indent == null ? ", " : ",";
            this.keySeparator = ": ";
        }
        this.sortKeys = sortKeys;
    }

    /** {@code json.dumps(x)} with Python's defaults except {@code ensure_ascii=False}, as HF's filter. */
    static String dumps(Object x) {
        return new PyJson(false, null, null, false).write(x);
    }

    String write(Object x) {
        StringBuilder out = new StringBuilder();
        append(out, x, 0);
        return out.toString();
    }

    private void append(StringBuilder out, Object x, int depth) {
        if (x == null) {
            out.append("null");
        } else if (x instanceof Boolean b) {
            out.append(b);
        } else if (x instanceof Double || x instanceof Float) {
            appendFloat(out, ((Number) x).doubleValue());
        } else if (x instanceof Number n) {
            out.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else if (x instanceof CharSequence s) {
            appendString(out, s.toString());
        } else if (x instanceof Map<?, ?> map) {
            appendMap(out, map, depth);
        } else if (x instanceof Collection<?> list) {
            appendList(out, list, depth);
        } else if (x instanceof Object[] array) {
            appendList(out, List.of(array), depth);
        } else {
            throw new IllegalArgumentException("Object of type " + x.getClass().getSimpleName() + " is not JSON serializable");
        }
    }

    private void appendList(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            out.append(first ? "" : itemSeparator);
            newline(out, depth + 1);
            append(out, item, depth + 1);
            first = false;
        }
        newline(out, depth);
        out.append(']');
    }

    private void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            entries.add(Map.entry(key(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
        }
        if (sortKeys) {
            entries.sort(Comparator.comparing(Map.Entry::getKey));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : entries) {
            out.append(first ? "" : itemSeparator);
            newline(out, depth + 1);
            appendString(out, e.getKey());
            out.append(keySeparator);
            append(out, e.getValue() == NULL ? null : e.getValue(), depth + 1);
            first = false;
        }
        newline(out, depth);
        out.append('}');
    }

    private static final Object NULL = new Object();

    /** Python turns non-string keys into strings: {@code True -> "true"}, {@code None -> "null"}. */
    private static String key(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof Double || k instanceof Float) {
            return PyValues.floatRepr(((Number) k).doubleValue());
        }
        return k.toString();
    }

    private void newline(StringBuilder out, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    private static void appendFloat(StringBuilder out, double d) {
        if (Double.isNaN(d)) {
            out.append("NaN");
        } else if (Double.isInfinite(d)) {
            out.append(d > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(PyValues.floatRepr(d));
        }
    }

    private void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
