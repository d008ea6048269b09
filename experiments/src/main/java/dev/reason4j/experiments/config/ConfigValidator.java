package dev.reason4j.experiments.config;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.FieldMapping;
import dev.reason4j.datasets.SchemaPreset;
import dev.reason4j.datasets.prompt.ChatPromptTemplate;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.rewards.RewardFunction;
import dev.reason4j.rewards.RewardRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that need more than one key, or the world outside the file: files exist, the model's
 * config.json reads, the preset, field mapping, template and generator are valid, every reward can be
 * built with its parameters, server URLs parse, the schedule fits the steps. Each error names the key
 * and the line it was written on.
 */
final class ConfigValidator {
    private final ExperimentConfig config;
    private final ConfigLocations at;
    private final List<ConfigError> errors = new ArrayList<>();

    private ConfigValidator(ExperimentConfig config, ConfigLocations at) {
        this.config = config;
        this.at = at;
    }

    static List<ConfigError> validate(ExperimentConfig config, ConfigLocations locations) {
        ConfigValidator v = new ConfigValidator(config, locations);
        v.model();
        v.data();
        v.rewards();
        v.rollout();
        v.schedule();
        v.output();
        return v.errors;
    }

    private void model() {
        Path dir = config.model().path();
        if (dir == null || !requireExisting("model.path", dir, true)) {
            return;
        }
        try {
            ModelConfig.load(dir);
        } catch (Reason4jException e) {
            errors.add(at.error("model.path", e.getMessage()));
        }
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            errors.add(at.error("model.path", dir + " has no tokenizer.json; a model directory in HF layout needs its tokenizer"));
        }
    }

    private void data() {
        DataSection data = config.data();
        if (data.source() != null) {
            requireExisting("data.source", data.source(), false);
        }
        if (data.evalSource() != null) {
            requireExisting("data.eval_source", data.evalSource(), false);
        }
        if (!data.preset().strip().equalsIgnoreCase(SchemaPreset.AUTO)) {
            attempt("data.preset", () -> SchemaPreset.named(data.preset()));
        }
        if (data.fields() != null) {
            attempt("data.fields", () -> FieldMapping.fromConfig(data.fields()));
        }
        attempt("data.template", () -> {
            var template = PromptTemplates.resolve(data.template(), data.templateOverride());
            if (data.systemPrompt() != null && !(template instanceof ChatPromptTemplate)) {
                throw new InvalidSetting("system_prompt", "is for chat templates (chat, chat_r1, chat_boxed); template "
                        + data.template() + " writes plain text: put the instruction in template_override instead");
            }
        });
        if (data.generator() != null) {
            GeneratorFactory.create(data.generator(), "data.generator", at.of("data.generator.params"), errors);
        }
    }

    private void rewards() {
        RewardRegistry registry;
        try {
            registry = RewardRegistry.load();
        } catch (Reason4jException e) {
            errors.add(at.error("rewards", e.getMessage()));
            return;
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < config.rewards().size(); i++) {
            RewardEntry entry = config.rewards().get(i);
            String path = "rewards." + i;
            if (seen.contains(entry.name())) {
                errors.add(at.error(path + ".name", "reward '" + entry.name() + "' is listed twice; list each reward once"));
                continue;
            }
            seen.add(entry.name());
            if (!registry.names().contains(entry.name())) {
                String hint = Suggestions.closest(entry.name(), registry.names()).map(s -> "did you mean '" + s + "'? ").orElse("");
                errors.add(at.error(path + ".name", "unknown reward '" + entry.name() + "'; " + hint + "use one of "
                        + String.join(", ", registry.names())));
                continue;
            }
            attempt(path + ".params", () -> {
                try (RewardFunction reward = registry.create(entry.name(), entry.params())) {
                    reward.name();
                }
            });
        }
    }

    private void rollout() {
        List<String> servers = config.rollout().servers();
        for (int i = 0; i < servers.size(); i++) {
            String s = servers.get(i);
            URI uri;
            try {
                uri = URI.create(s.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                errors.add(at.error("rollout.servers." + i, "\"" + s + "\" is not an http(s) URL with a host, e.g. http://127.0.0.1:8000"));
            }
        }
    }

    private void schedule() {
        GrpoSection g = config.grpo();
        long total = TrainingPlan.of(config).totalOptimizerSteps();
        if (g.schedule() == ScheduleKind.COSINE && g.steps() > 0 && total <= g.warmupSteps()) {
            errors.add(at.error("grpo.warmup_steps", "is " + g.warmupSteps() + " but the run makes only " + total
                    + " optimizer steps; the cosine needs more steps than warmup (shorten the warmup or raise grpo.steps)"));
        }
    }

    private void output() {
        Path dir = config.output().dir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            errors.add(at.error("output.dir", dir + " exists and is not a directory"));
        }
    }

    /** Whether {@code path} exists as a directory (or file); an error naming the key otherwise. */
    private boolean requireExisting(String key, Path path, boolean directory) {
        if (!Files.exists(path)) {
            errors.add(at.error(key, (directory ? "directory " : "file ") + path + " not found (resolved to "
                    + path.toAbsolutePath().normalize() + "); fix the path, or override it with --set " + key + "=..."));
            return false;
        }
        if (directory != Files.isDirectory(path)) {
            errors.add(at.error(key, path + (directory ? " is not a directory" : " is a directory, not a file")));
            return false;
        }
        return true;
    }

    private void attempt(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidSetting e) {
            String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
            errors.add(at.error(ConfigBinder.join(parent, e.key()), e.getMessage()));
        } catch (Reason4jException e) {
            errors.add(at.error(key, e.getMessage()));
        }
    }
}
