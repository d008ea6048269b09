package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An objective variant with the name an experiment's YAML uses for it (TRL's names where TRL has one). */
public interface ConfigNamed {
    String configName();

    /**
     * The constant of {@code type} whose {@link #configName()} is {@code name} (case-insensitive).
     *
     * @param key the config key being read, named in the error message
     * @throws Reason4jException naming the key and the accepted values when there is none
     */
    static <E extends Enum<E> & ConfigNamed> E fromConfigName(Class<E> type, String key, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.configName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return value;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(ConfigNamed::configName)
                .collect(Collectors.joining(", "));
        throw new Reason4jException(key + ": unknown value '" + name + "'; use one of " + accepted);
    }
}
