/**
 * Experiment configs: one YAML file describes a run (model, data, rollout, rewards, GRPO, SFT warm
 * start, evaluation, output). The config records are the schema: their components are the keys,
 * {@link dev.reason4j.experiments.config.Default} and {@link dev.reason4j.experiments.config.Range}
 * their defaults and bounds, their javadoc the documentation. {@link
 * dev.reason4j.experiments.config.ExperimentConfigs#load} reads, overrides and validates one, reporting
 * every problem with its file, line and key.
 */
package dev.reason4j.experiments.config;
