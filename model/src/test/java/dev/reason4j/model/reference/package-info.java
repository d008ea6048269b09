/**
 * Test oracle for the policy network: {@link dev.reason4j.model.reference.ReferenceDecoder} is a plain-Java,
 * double-precision forward pass of HF {@code Qwen2ForCausalLM} / {@code LlamaForCausalLM} / {@code Qwen3ForCausalLM},
 * and {@link dev.reason4j.model.reference.ReferenceFixtures} makes seeded tiny checkpoints (config.json text + F32
 * weights, writable as {@code config.json} + {@code model.safetensors}) to compare a fast implementation against it.
 *
 * <p>The oracle itself is checked against an independent torch float64 forward
 * ({@code src/test/python/reference_check.py}); the results are committed under {@code src/test/resources/reference/}
 * and re-checked by {@code ReferenceDecoderTest} without Python. transformers' own code run in float32 (as it runs in
 * practice, RoPE tables included) lands about 1e-6 to 3e-6 away from the oracle's logits on these fixtures, so a float32
 * implementation should be compared with a tolerance of the order of 1e-4, not 1e-6.
 */
package dev.reason4j.model.reference;
