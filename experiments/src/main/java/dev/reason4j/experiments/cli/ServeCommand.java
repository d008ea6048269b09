package dev.reason4j.experiments.cli;

import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.server.EngineLoader;
import dev.reason4j.rollout.server.PromptCodec;
import dev.reason4j.rollout.server.RolloutServer;
import dev.reason4j.rollout.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the rollout service until SIGINT/SIGTERM. Once listening it prints one JSON line,
 * {@code {"url": ..., "model": ...}}, so a script started with {@code --port 0} learns the port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a model over an OpenAI-compatible API: POST /v1/completions, GET /v1/models, GET /health,",
                "POST /v1/reload_weights {\"model_path\": DIR}. Runs until interrupted (Ctrl-C, SIGTERM)."})
public final class ServeCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory in HF layout.")
    Path model;

    @Option(names = "--port", required = true, description = "TCP port; 0 picks a free one (printed on start).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 serves other machines).")
    String host;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--max-queue", defaultValue = "" + ServerOptions.DEFAULT_MAX_QUEUE,
            description = "Requests allowed to wait; more get 429 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--max-batch-requests", defaultValue = "" + ServerOptions.DEFAULT_MAX_BATCH_REQUESTS,
            description = "Waiting requests joined into one engine batch (default: ${DEFAULT-VALUE}).")
    int maxBatchRequests;

    @Option(names = "--max-batch-tokens", description = "Rows x (prompt + new tokens) per KV cache; bounds memory (default: the engine's).")
    Long maxBatchTokens;

    @Option(names = "--max-model-len", description = "prompt + max_tokens must fit (default: the model's max_position_embeddings).")
    Integer maxModelLength;

    @Option(names = "--served-model-name", description = "Name reported by /v1/models and responses (default: --model as given).")
    String servedModelName;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: libtorch's choice).")
    Integer threads;

    @Option(names = "--shutdown-grace", defaultValue = "30", description = "Seconds a shutdown waits for the running batch (default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile RolloutServer server;

    @Override
    public Integer call() throws InterruptedException {
        Threads.configure(threads);
        ModelConfig config = ModelConfig.load(model);
        RolloutOptions engineOptions = maxBatchTokens == null ? RolloutOptions.DEFAULTS
                : new RolloutOptions(maxBatchTokens, RolloutOptions.DEFAULTS.compactionFraction());
        ServerOptions options = new ServerOptions(host, port, servedModelName != null ? servedModelName : model.toString(),
                maxQueue, maxBatchRequests, maxModelLength != null ? maxModelLength : config.maxPositionEmbeddings(),
                Duration.ofSeconds(shutdownGraceSeconds));
        try (Tokenizer tokenizer = Tokenizer.load(model)) {
            serve(options, tokenizer, config, engineOptions);
        } finally {
            started.countDown();
        }
        return 0;
    }

    private void serve(ServerOptions options, Tokenizer tokenizer, ModelConfig config, RolloutOptions engineOptions)
            throws InterruptedException {
        EngineLoader loader = EngineLoader.local(tokenizer, Devices.parse(device), engineOptions, config.vocabSize());
        server = RolloutServer.start(options, PromptCodec.of(tokenizer, config.vocabSize()), loader, model);
        Thread hook = new Thread(server::close, "rollout-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("url", server.uri().toString());
        ready.put("model", options.modelName());
        spec.commandLine().getOut().println(Json.line(ready));
        spec.commandLine().getOut().flush();
        started.countDown();
        server.awaitClose();
        removeHook(hook);
    }

    /** Waits until the server listens (for tests that run the command on another thread). */
    RolloutServer awaitStarted() throws InterruptedException {
        started.await();
        return server;
    }

    /** Stops the server as SIGTERM would; {@link #call()} then returns. */
    void stop() {
        RolloutServer s = server;
        if (s != null) {
            s.close();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is what closed the server.
        }
    }
}
