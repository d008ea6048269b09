/**
 * Problems for training and evaluation. No DJL.
 *
 * <ul>
 *   <li>{@link dev.reason4j.datasets.ProblemSource}: where problems come from. {@link dev.reason4j.datasets.FileProblemSource}
 *       reads JSONL, JSON, CSV/TSV and Parquet through a {@link dev.reason4j.datasets.FieldMapping} or a
 *       {@link dev.reason4j.datasets.SchemaPreset} (GSM8K, MATH, AIME-style, code, prompt/answer, or detected);
 *       a bad row is skipped and counted, or stops the load, per {@link dev.reason4j.datasets.BadRowPolicy}.</li>
 *   <li>{@link dev.reason4j.datasets.Splits}: seeded shuffling and train/held-out splits with no held-out prompt in training.</li>
 *   <li>{@link dev.reason4j.datasets.synthetic}: seeded generators with worked solutions.</li>
 *   <li>{@link dev.reason4j.datasets.prompt}: prompt templates (R1-Zero, boxed, chat).</li>
 * </ul>
 */
package dev.reason4j.datasets;
