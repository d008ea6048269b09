package dev.reason4j.experiments.config;

/** Where rollouts are sampled ({@code rollout.engine}). */
public enum EngineKind {
    /** In this JVM, with the policy being trained (always on-policy). */
    LOCAL,
    /**
     * On OpenAI-compatible inference servers ({@code reason4j serve}, vLLM, SGLang) listed in
     * {@code rollout.servers}; they reload each checkpoint, so rollouts are as fresh as the last one.
     */
    REMOTE
}
