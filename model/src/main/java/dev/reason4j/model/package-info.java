/** The policy network: HF config.json, safetensors, the decoder forward pass with KV cache, token log-probs, tokenizer and chat template. */
package dev.reason4j.model;
