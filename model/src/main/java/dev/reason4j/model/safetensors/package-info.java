/**
 * Reading and writing HF safetensors checkpoints without Python: {@link
 * dev.reason4j.model.safetensors.SafetensorsCheckpoint} opens a model directory (single file or
 * sharded with {@code model.safetensors.index.json}) and loads tensors memory-mapped, in chunks,
 * so tensors and files over 2 GiB work; {@link dev.reason4j.model.safetensors.SafetensorsWriter}
 * writes files the reference Python library reads.
 *
 * <p>Format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON describing each tensor
 * ({@code dtype}, {@code shape}, {@code data_offsets} relative to the data buffer) and an optional
 * {@code __metadata__} string map, then the little-endian, row-major data buffer.
 */
package dev.reason4j.model.safetensors;
