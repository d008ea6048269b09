/**
 * Running an experiment: the starting model (path, or init, then an optional SFT warm start), the data
 * split, the rollout engine (remote servers follow the checkpoints), the rewards as the trainer's
 * scorer, the GRPO trainer with progress and evaluation hooks, the dry run, and the run directory.
 * The {@code train} and {@code sft} commands are thin wrappers over {@link
 * dev.reason4j.experiments.run.TrainRun} and {@link dev.reason4j.experiments.run.SftRun}.
 */
package dev.reason4j.experiments.run;
