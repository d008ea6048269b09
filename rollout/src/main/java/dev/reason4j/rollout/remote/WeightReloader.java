package dev.reason4j.rollout.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks one inference server to load new weights from a checkpoint directory it can read (a shared
 * file system, or the same machine). One implementation per server kind.
 */
public interface WeightReloader {
    /**
     * @param server the server's base URL (no {@code /v1})
     * @throws dev.reason4j.core.Reason4jException naming the server when it refuses or cannot be reached
     */
    void reload(HttpClient client, URI server, Path checkpoint, Duration timeout);

    /** reason4j's {@code serve}: {@code POST /v1/reload_weights {"model_path": DIR}}. */
    static WeightReloader reason4j() {
        return new ModelPathReloader("/v1/reload_weights");
    }

    /** SGLang: {@code POST /update_weights_from_disk {"model_path": DIR}}. */
    static WeightReloader sglang() {
        return new ModelPathReloader("/update_weights_from_disk");
    }
}
