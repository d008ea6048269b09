package dev.reason4j.experiments.run;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.config.ConfigError;
import dev.reason4j.experiments.config.ConfigException;
import dev.reason4j.experiments.config.ConfigLocations;
import dev.reason4j.experiments.config.EngineKind;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.LoadedConfig;
import dev.reason4j.experiments.config.TrainingPlan;
import dev.reason4j.grpo.train.PromptEncoder;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ParameterNames;
import dev.reason4j.model.safetensors.SafetensorsCheckpoint;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train --dry-run}: everything a run would check before its first step, without training or
 * writing into the run directory: the config (already validated on load), the model's config.json and
 * the shapes of its weights (headers only; nothing is loaded), the tokenizer, the data and split, every
 * prompt's length against the model's context, the warm-start examples, the batch sizes, and a memory
 * estimate. Returns a summary; a problem is a {@link ConfigException} naming the key.
 */
public final class DryRun {
    private final LoadedConfig loaded;
    private final ExperimentConfig c;
    private final ConfigLocations at;
    private final List<String> warnings = new ArrayList<>();

    private DryRun(LoadedConfig loaded) {
        this.loaded = loaded;
        this.c = loaded.config();
        this.at = loaded.locations();
    }

    public static Map<String, Object> summarize(LoadedConfig loaded) {
        return new DryRun(loaded).summary();
    }

    private Map<String, Object> summary() {
        Path temp = null;
        try {
            Path modelDir = c.model().path();
            if (modelDir == null) {
                temp = Files.createTempDirectory("reason4j-dry-run");
                modelDir = temp;
            }
            ModelConfig model = c.model().path() != null ? ModelConfig.load(modelDir) : PolicyModels.initConfig(c.model().init(), temp);
            if (c.model().path() != null) {
                checkWeights(modelDir, model);
            }
            try (Tokenizer tokenizer = Tokenizer.load(modelDir)) {
                return summary(model, tokenizer);
            }
        } catch (IOException e) {
            throw new Reason4jException("cannot create a temporary directory for the dry run: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                PolicyModels.deleteTree(temp);
            }
        }
    }

    private Map<String, Object> summary(ModelConfig model, Tokenizer tokenizer) {
        if (tokenizer.vocabSize() > model.vocabSize()) {
            fail("model.path", "the tokenizer has " + tokenizer.vocabSize() + " tokens but config.json's vocab_size is " + model.vocabSize());
        }
        ExperimentData data = ExperimentData.load(c, at);
        int trainPrompt = maxPromptTokens(data.train(), tokenizer);
        int evalPrompt = maxPromptTokens(data.heldOut().stream().map(data.template()::applyTo).toList(), tokenizer);
        int evalNew = c.eval().maxNewTokens() != null ? c.eval().maxNewTokens() : c.rollout().maxNewTokens();
        checkLength("rollout.max_new_tokens", trainPrompt, c.rollout().maxNewTokens(), model);
        checkLength("eval.max_new_tokens", evalPrompt, evalNew, model);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("config", loaded.file().toString());
        out.put("run_dir", c.runDir().toString());
        out.put("model", describe(model));
        out.put("data", dataSummary(data, tokenizer, trainPrompt, evalPrompt));
        out.put("rewards", c.rewards().stream().map(r -> Map.<String, Object>of("name", r.name(), "weight", r.weight())).toList());
        out.put("batch", batch());
        Map<String, Object> lengths = new LinkedHashMap<>();
        lengths.put("max_prompt_tokens", Math.max(trainPrompt, evalPrompt));
        lengths.put("max_new_tokens", c.rollout().maxNewTokens());
        lengths.put("eval_max_new_tokens", evalNew);
        lengths.put("max_position_embeddings", model.maxPositionEmbeddings());
        out.put("lengths", lengths);
        out.put("memory_estimate_mb", MemoryEstimate.of(model, c, trainPrompt).megabytes());
        warn(data);
        out.put("warnings", warnings);
        return out;
    }

    private Map<String, Object> dataSummary(ExperimentData data, Tokenizer tokenizer, int trainPrompt, int evalPrompt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", data.source());
        out.put("train", data.train().size());
        out.put("held_out", data.heldOut().size());
        out.put("dropped_from_train", data.droppedFromTrain());
        out.put("template", data.template().name());
        out.put("max_train_prompt_tokens", trainPrompt);
        out.put("max_eval_prompt_tokens", evalPrompt);
        if (c.sft() != null) {
            try {
                SftExamples sft = SftExamples.build(data.train(), tokenizer, c.sft().response());
                out.put("sft_examples", sft.examples().size());
                out.put("sft_skipped", sft.skipped());
                out.put("sft_optimizer_steps", SftRun.optimizerSteps(c.sft(), sft.examples().size()));
            } catch (Reason4jException e) {
                fail("sft.response", e.getMessage());
            }
        }
        return out;
    }

    private Map<String, Object> batch() {
        TrainingPlan plan = TrainingPlan.of(c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("problems_per_step", c.rollout().problemsPerStep());
        out.put("group_size", c.rollout().groupSize());
        out.put("completions_per_step", plan.completionsPerStep());
        out.put("mini_batch", plan.miniBatch());
        out.put("micro_batch", Math.min(c.grpo().microBatchSize(), plan.miniBatch()));
        out.put("optimizer_steps_per_step", plan.optimizerStepsPerStep());
        out.put("total_optimizer_steps", plan.totalOptimizerSteps());
        return out;
    }

    private Map<String, Object> describe(ModelConfig m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", c.model().path() != null ? c.model().path().toString() : "init");
        out.put("architecture", m.family().architecture());
        out.put("parameters", m.parameterCount());
        out.put("vocab_size", m.vocabSize());
        out.put("hidden_size", m.hiddenSize());
        out.put("layers", m.numLayers());
        out.put("max_position_embeddings", m.maxPositionEmbeddings());
        return out;
    }

    /** Every tensor config.json implies is present with its shape (headers only). */
    private void checkWeights(Path dir, ModelConfig model) {
        try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.open(dir)) {
            for (String name : ParameterNames.all(model)) {
                if (!weights.names().contains(name)) {
                    fail("model.path", dir + ": the weights have no " + name + ", which config.json implies");
                }
                long[] expected = ParameterNames.shape(model, name);
                if (!Arrays.equals(weights.info(name).shape(), expected)) {
                    fail("model.path", dir + ": tensor " + name + " has shape " + Arrays.toString(weights.info(name).shape())
                            + " but config.json implies " + Arrays.toString(expected));
                }
            }
        } catch (Reason4jException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            fail("model.path", e.getMessage());
        }
    }

    private int maxPromptTokens(List<Problem> problems, Tokenizer tokenizer) {
        PromptEncoder encoder = new PromptEncoder(tokenizer);
        int max = 0;
        for (Problem p : problems) {
            try {
                max = Math.max(max, encoder.encode(p.prompt()).length);
            } catch (Reason4jException e) {
                fail("data.template", e.getMessage());
            }
        }
        return max;
    }

    private void checkLength(String key, int prompt, int newTokens, ModelConfig model) {
        if (prompt + newTokens > model.maxPositionEmbeddings()) {
            fail(key, "the longest prompt (" + prompt + " tokens) plus " + newTokens + " new tokens exceeds the model's "
                    + model.maxPositionEmbeddings() + " positions (max_position_embeddings); lower " + key);
        }
    }

    private void warn(ExperimentData data) {
        if (data.heldOut().isEmpty()) {
            warnings.add("no held-out problems: nothing is evaluated; add data.held_out or data.eval_source");
        }
        if (c.rollout().engine() == EngineKind.REMOTE && c.output().checkpointEvery() != 1) {
            warnings.add("rollout.engine is remote: servers reload each checkpoint, so rollouts lag the policy by up to "
                    + "output.checkpoint_every (" + c.output().checkpointEvery() + ") steps; 1 keeps them on-policy");
        }
        if (c.rollout().topP() < 1 || c.rollout().topK() > 0 || c.rollout().minP() > 0) {
            warnings.add("rollout top_p/top_k/min_p truncate sampling, so completions are not drawn from the policy the loss assumes");
        }
        if (TrainingPlan.of(c).completionsPerStep() % TrainingPlan.of(c).miniBatch() != 0) {
            warnings.add("grpo.mini_batch_size does not divide the completions per step; the last minibatch is smaller");
        }
    }

    private void fail(String key, String message) {
        throw new ConfigException(List.of(new ConfigError(at.of(key), key, message)));
    }
}
