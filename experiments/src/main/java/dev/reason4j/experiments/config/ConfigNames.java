package dev.reason4j.experiments.config;

import dev.reason4j.grpo.objective.ConfigNamed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How Java names appear in YAML: components in snake_case, enum constants by their config name. */
final class ConfigNames {
    private ConfigNames() {
    }

    /** {@code learningRate} → {@code learning_rate}; {@code adamBeta1} → {@code adam_beta1}. */
    static String key(String componentName) {
        StringBuilder out = new StringBuilder();
        for (char ch : componentName.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The name YAML uses for an enum constant: its {@link ConfigNamed#configName()}, else its name in lower case. */
    static String of(Enum<?> constant) {
        return constant instanceof ConfigNamed named ? named.configName() : constant.name().toLowerCase(Locale.ROOT);
    }

    static List<String> all(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(of((Enum<?>) constant));
        }
        return names;
    }
}
