/**
 * What a run shows a person: {@link dev.reason4j.experiments.report.MetricsLog} reads a run's
 * {@code metrics.jsonl}, {@link dev.reason4j.experiments.report.Plots} draws it as PNG line charts, and
 * {@link dev.reason4j.experiments.report.RunReport} writes {@code report.md} (config, final metrics,
 * eval before/after, plots, good and bad sample completions) into the run directory.
 */
package dev.reason4j.experiments.report;
