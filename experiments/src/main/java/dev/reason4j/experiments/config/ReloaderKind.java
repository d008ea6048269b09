package dev.reason4j.experiments.config;

import dev.reason4j.rollout.remote.WeightReloader;

/** How remote rollout servers are told to load a new checkpoint ({@code rollout.reloader}). */
public enum ReloaderKind {
    /** {@code reason4j serve}: POST /v1/reload_weights. */
    REASON4J,
    /** SGLang: POST /update_weights_from_disk. */
    SGLANG;

    public WeightReloader reloader() {
        return this == SGLANG ? WeightReloader.sglang() : WeightReloader.reason4j();
    }
}
