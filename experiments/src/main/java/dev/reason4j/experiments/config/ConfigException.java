package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be run, with every problem found, each naming its file, line and key. */
public final class ConfigException extends Reason4jException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(List<ConfigError> errors) {
        List<ConfigError> sorted = errors.stream()
                .sorted(Comparator.comparing((ConfigError e) -> e.location().source()).thenComparingInt(e -> e.location().line()))
                .toList();
        if (sorted.size() == 1) {
            return sorted.get(0).toString();
        }
        return "the experiment config has " + sorted.size() + " problems:\n"
                + sorted.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
