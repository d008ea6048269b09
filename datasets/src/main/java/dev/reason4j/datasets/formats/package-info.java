/**
 * Reading dataset files row by row: JSON lines, JSON (array or {@code {"data": [...]}}), CSV/TSV and
 * Parquet. Every row arrives as a JSON object with its location, so field mapping is format-blind.
 */
package dev.reason4j.datasets.formats;
