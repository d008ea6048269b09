package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.synthetic.Generators;
import dev.reason4j.datasets.synthetic.ProblemGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in generator from {@code data.generator}: the name goes through datasets'
 * {@link Generators#named} (the one place names map to generators); {@code params} override the
 * defaults of the generator's nested {@code Config} record, key by key in snake_case, and it is built
 * through its {@code Config} constructor. Every built-in generator has that shape.
 */
public final class GeneratorFactory {
    private GeneratorFactory() {
    }

    /** The generator, or a {@link ConfigException} naming the bad key. */
    public static ProblemGenerator create(GeneratorSection section, ConfigLocation at) {
        List<ConfigError> errors = new ArrayList<>();
        ProblemGenerator generator = create(section, "data.generator", at, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return generator;
    }

    static ProblemGenerator create(GeneratorSection section, String path, ConfigLocation at, List<ConfigError> errors) {
        ProblemGenerator base;
        try {
            base = Generators.named(section.name());
        } catch (Reason4jException e) {
            errors.add(new ConfigError(at, path + ".name", e.getMessage()));
            return null;
        }
        if (section.params().isEmpty()) {
            return base;
        }
        Class<? extends Record> configType = configRecord(base.getClass());
        try {
            Record defaults = (Record) configType.getMethod("defaults").invoke(null);
            ConfigBinder binder = new ConfigBinder(errors);
            Record config = binder.bindWithDefaults(cast(configType), YamlNode.fromJava(section.params(), at), path + ".params", defaults);
            return config == null ? null : base.getClass().getConstructor(configType).newInstance(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generator " + base.getClass().getName() + " lacks Config.defaults() or a Config constructor", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> Class<R> cast(Class<? extends Record> type) {
        return (Class<R>) type;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> configRecord(Class<?> generator) {
        for (Class<?> nested : generator.getDeclaredClasses()) {
            if (nested.isRecord() && nested.getSimpleName().equals("Config")) {
                return (Class<? extends Record>) nested;
            }
        }
        throw new IllegalStateException(generator.getName() + " has no nested Config record for its params");
    }
}
