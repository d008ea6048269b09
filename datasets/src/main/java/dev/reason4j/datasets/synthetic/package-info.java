/**
 * Seeded generators of checkable reasoning problems (Countdown, multi-step arithmetic, linear equations,
 * number theory with answers in 0–999), each with difficulty knobs and a worked reference solution in
 * metadata {@code "solution"} for the supervised warm start. The same seed gives the same problems.
 */
package dev.reason4j.datasets.synthetic;
