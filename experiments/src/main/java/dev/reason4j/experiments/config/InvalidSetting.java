package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;

/**
 * Thrown by a config record's constructor about one of its own keys, so the reader can point at the
 * line that key was written on.
 */
public final class InvalidSetting extends Reason4jException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the key within the record's section, e.g. {@code clip_low}
     * @param message what is wrong and the fix
     */
    public InvalidSetting(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
