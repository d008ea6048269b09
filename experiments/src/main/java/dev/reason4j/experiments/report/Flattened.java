package dev.reason4j.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML tree as dotted keys to scalar leaves, in document order: {@code {"grpo": {"beta": 0.04}}}
 * becomes {@code grpo.beta → 0.04}. A list of scalars is one leaf; a list holding objects is indexed
 * ({@code rewards.0.name}).
 */
final class Flattened {
    private Flattened() {
    }

    static Map<String, JsonNode> of(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        add("", root, leaves);
        return Collections.unmodifiableMap(leaves);
    }

    /** A leaf as table text: strings bare, numbers as written, a list of scalars comma-separated. */
    static String text(JsonNode leaf) {
        if (leaf.isArray()) {
            List<String> items = new ArrayList<>();
            leaf.forEach(item -> items.add(text(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return leaf.isNull() ? "null" : leaf.asText();
    }

    private static void add(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.properties().forEach(f -> add(join(prefix, f.getKey()), f.getValue(), leaves));
        } else if (node.isArray() && !allScalar(node)) {
            for (int i = 0; i < node.size(); i++) {
                add(join(prefix, Integer.toString(i)), node.get(i), leaves);
            }
        } else if (!prefix.isEmpty()) {
            leaves.put(prefix, node);
        }
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
