package dev.reason4j.experiments.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One experiment, as one YAML file describes it. Every key is optional except {@code model} and
 * {@code data}; each section's javadoc gives its keys, defaults and trade-offs. Read one with
 * {@link ExperimentConfigs#load}.
 *
 * @param name    the run's name; its directory is {@code output.dir/name} (default null: the config file's
 *                name without .yaml)
 * @param seed    the run's seed: data order, splits, rollouts, minibatch order and initial weights derive
 *                from it; the same seed and threads give the same numbers (default 42, TRL's)
 * @param device  {@code cpu} (default), {@code gpu} or {@code gpu:N}; a GPU run that finds none fails at once
 * @param threads libtorch's intra-op threads (default null: libtorch's choice, the core count)
 * @param model   the policy (see {@link ModelSection}); required
 * @param data    the problems (see {@link DataSection}); required
 * @param rollout sampling during training (see {@link RolloutSection})
 * @param rewards the rewards, summed with their weights (default {@code [{name: accuracy}]}: R1's
 *                rule-based correctness alone; R1-Zero adds {@code format})
 * @param grpo    the policy update (see {@link GrpoSection})
 * @param sft     an optional supervised warm start before RL (see {@link SftSection}; default null: none)
 * @param eval    evaluation before/after and during training (see {@link EvalSection})
 * @param output  the run directory and checkpoints (see {@link OutputSection})
 */
public record ExperimentConfig(@Default("null") String name,
                               @Default("42") long seed,
                               @Default("cpu") String device,
                               @Default("null") @Range(min = 1) Integer threads,
                               ModelSection model,
                               DataSection data,
                               @Default("{}") RolloutSection rollout,
                               @Default("[{name: accuracy}]") List<RewardEntry> rewards,
                               @Default("{}") GrpoSection grpo,
                               @Default("null") SftSection sft,
                               @Default("{}") EvalSection eval,
                               @Default("{}") OutputSection output) {
    private static final Pattern DEVICE = Pattern.compile("cpu|gpu|cuda|(gpu|cuda):\\d+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public ExperimentConfig {
        if (!DEVICE.matcher(device.strip().toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new InvalidSetting("device", "unknown device \"" + device + "\"; use cpu, gpu or gpu:N");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            throw new InvalidSetting("name", "\"" + name + "\" cannot name a run directory; use letters, digits, '.', '_' and '-'");
        }
        if (rewards.isEmpty()) {
            throw new InvalidSetting("rewards", "list at least one reward, e.g. [{name: accuracy}]");
        }
        if (!data.hasTrainingSource() && (grpo.steps() > 0 || data.evalSource() == null)) {
            throw new InvalidSetting("data", "give data.source (a dataset file) or data.generator; only an evaluation-only"
                    + " config (grpo.steps: 0) may have just data.eval_source");
        }
    }

    /** The same config with its name set (the loader names an unnamed run after its file). */
    public ExperimentConfig withName(String newName) {
        return new ExperimentConfig(newName, seed, device, threads, model, data, rollout, rewards, grpo, sft, eval, output);
    }

    /** {@code output.dir/name}. */
    public Path runDir() {
        return output.dir().resolve(name);
    }

    /** The reward specs, in order. */
    public List<dev.reason4j.rewards.RewardSpec> rewardSpecs() {
        return rewards.stream().map(RewardEntry::toSpec).toList();
    }
}
