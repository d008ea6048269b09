package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an experiment: the YAML file, then the {@code --set} overrides, then the types, ranges and
 * enum values of every key, then the checks against the world (files, rewards, templates). All of it
 * happens before any work, and every problem found is reported at once, each with its file, line and
 * key:
 *
 * <pre>
 * configs/gsm8k.yaml:14: grpo.lerning_rate: unknown key; did you mean 'learning_rate'? (valid keys here: …)
 * configs/gsm8k.yaml:22: grpo.loss: unknown value "dapo2"; did you mean 'dapo'? use one of grpo, dapo, dr_grpo
 * --set rollout.group_size=1: rollout.group_size: is out of range: 1; it must be ≥ 2
 * </pre>
 */
public final class ExperimentConfigs {
    private ExperimentConfigs() {
    }

    /**
     * @throws ConfigException listing every problem, each naming its file, line and key
     * @throws Reason4jException when the file cannot be read at all
     */
    public static LoadedConfig load(Path file, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw new Reason4jException("config file not found: " + file + " (resolved to " + file.toAbsolutePath().normalize() + ")");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Reason4jException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        String source = file.toString();
        List<ConfigError> errors = new ArrayList<>();
        YamlNode root = YamlTrees.parse(text, source, true, errors);
        if (root == null) {
            throw new ConfigException(errors);
        }
        Overrides.apply(root, overrides, ExperimentConfig.class, errors);
        ConfigBinder binder = new ConfigBinder(errors);
        ExperimentConfig config = binder.bindRoot(ExperimentConfig.class, root);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        if (config.name() == null) {
            config = config.withName(stem(file));
        }
        ConfigLocations locations = new ConfigLocations(binder.locations(), new ConfigLocation(source, 0));
        errors.addAll(ConfigValidator.validate(config, locations));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new LoadedConfig(config, file, overrides, locations);
    }

    /** {@code quickstart.yaml} → {@code quickstart}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
