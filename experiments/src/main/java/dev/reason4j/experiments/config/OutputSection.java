package dev.reason4j.experiments.config;

import java.nio.file.Path;

/**
 * Where the run is written: {@code <dir>/<name>/} holds config.yaml (resolved), metrics.jsonl,
 * samples.jsonl, checkpoints/step-N/ (HF layout + optimizer + trainer state), eval/ and report.md.
 *
 * @param dir             parent of run directories (default {@code runs}, from the working directory)
 * @param checkpointEvery checkpoint every N steps (default 50; 0 = only at the end). A resumed run
 *                        repeats the uninterrupted one from the last checkpoint
 * @param keepLast        checkpoints kept (default 2; older ones are deleted)
 */
public record OutputSection(@Default("runs") Path dir,
                            @Default("50") @Range(min = 0) int checkpointEvery,
                            @Default("2") @Range(min = 1) int keepLast) {
}
