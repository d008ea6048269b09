package dev.reason4j.experiments.config;

import java.util.Map;

/**
 * Where each key of a loaded config was written. A key that was not written (it took its default) is
 * placed at its nearest written parent section, so a message still points somewhere useful.
 */
public final class ConfigLocations {
    private final Map<String, ConfigLocation> byPath;
    private final ConfigLocation document;

    ConfigLocations(Map<String, ConfigLocation> byPath, ConfigLocation document) {
        this.byPath = Map.copyOf(byPath);
        this.document = document;
    }

    /** The location of a dotted key ({@code grpo.beta}, {@code rewards.1.name}), or of its nearest written parent. */
    public ConfigLocation of(String path) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            ConfigLocation at = byPath.get(p);
            if (at != null) {
                return at;
            }
            if (p.indexOf('.') < 0) {
                return document;
            }
        }
    }

    /** An error about {@code path}, placed where it was written. */
    public ConfigError error(String path, String message) {
        return new ConfigError(of(path), path, message);
    }
}
