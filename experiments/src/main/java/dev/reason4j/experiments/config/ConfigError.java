package dev.reason4j.experiments.config;

/**
 * One problem with a config.
 *
 * @param location where the offending key was written (or the nearest section that was)
 * @param key      the dotted key, e.g. {@code grpo.learning_rate} or {@code rewards.1.name}
 * @param message  what is wrong and what to write instead
 */
public record ConfigError(ConfigLocation location, String key, String message) {
    @Override
    public String toString() {
        return location + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
