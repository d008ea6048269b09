package dev.reason4j.experiments.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A config read, overridden, checked and named: ready to run.
 *
 * @param config    the values, every default filled in
 * @param file      the YAML file it came from
 * @param overrides the {@code --set} assignments applied, in order
 * @param locations where each key was written, for messages about it
 */
public record LoadedConfig(ExperimentConfig config, Path file, List<String> overrides, ConfigLocations locations) {
    public LoadedConfig {
        overrides = List.copyOf(overrides);
    }

    /** The resolved config as YAML, with a header saying where it came from. */
    public String resolvedYaml() {
        String header = "Resolved experiment config, every default filled in.\nFrom: " + file.toAbsolutePath().normalize()
                + (overrides.isEmpty() ? "" : "\nOverrides: " + String.join(" ", overrides.stream().map(o -> "--set " + o).toList()));
        return ConfigWriter.toYaml(config, header);
    }
}
