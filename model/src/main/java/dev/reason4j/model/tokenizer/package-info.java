/**
 * Tokenizers and chat templates of Hugging Face model directories: {@link dev.reason4j.model.tokenizer.Tokenizer}
 * (ids through HF {@code tokenizers}, never truncated), {@link dev.reason4j.model.tokenizer.ChatTemplate}
 * (Jinja2 chat templates rendered byte for byte as {@code transformers} renders them, on Jinjava bridged
 * to Python semantics) and {@link dev.reason4j.model.tokenizer.SyntheticTokenizer} (a small byte-level
 * BPE tokenizer for synthetic tasks).
 */
package dev.reason4j.model.tokenizer;
