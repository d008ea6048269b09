package dev.reason4j.rollout.server;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.RolloutEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollout service: an OpenAI-compatible completions API over one {@link RolloutEngine}.
 *
 * <ul>
 *   <li>{@code POST /v1/completions}: OpenAI's legacy completions, prompts as text or token ids; every
 *       choice carries {@code prompt_token_ids} and {@code token_ids}, and with {@code logprobs} the
 *       tokens are spelled {@code token_id:<id>} as vLLM does with {@code return_tokens_as_token_ids}.
 *       A request with {@code seed} s and {@code n} samples gets exactly the tokens a local engine gives
 *       for {@code GenerationRequest(prompt, n, params with seed s)}; without a seed the server draws one.
 *       The {@code model} field may name anything (one model is served). Extensions beyond OpenAI's
 *       fields: vLLM's {@code top_k}, {@code min_p}, {@code ignore_eos}, {@code add_special_tokens}, and
 *       reason4j's {@code first_sequence_id} (the sequence id of each prompt's first sample).</li>
 *   <li>{@code GET /v1/models}, {@code GET /health}.</li>
 *   <li>{@code POST /v1/reload_weights {"model_path": DIR}}: loads DIR beside the running batches and
 *       swaps it in between two of them; a directory that does not load gets 400 and the old weights
 *       keep serving.</li>
 * </ul>
 *
 * Bad requests get 400 naming the field, a full queue 429, and requests during shutdown 503.
 * Threads are named {@code rollout-http*} (Jetty) and {@code rollout-batcher} (the engine's).
 */
public final class RolloutServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutServer.class);
    /** Larger bodies get 413: a million-token batch of prompts is about this big. */
    static final long MAX_REQUEST_BYTES = 64L << 20;
    /** A completion may take minutes; the client's timeout governs, not the connection's. */
    private static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

    private final ServerOptions options;
    private final BatchScheduler scheduler;
    private final Server jetty;
    private final ServerConnector connector;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RolloutServer(ServerOptions options, PromptCodec codec, EngineLoader loader, Path weights, RolloutEngine engine) {
        this.options = options;
        this.scheduler = new BatchScheduler(engine, options.maxQueue(), options.maxBatchRequests(), "rollout-batcher");
        QueuedThreadPool pool = new QueuedThreadPool(64, 2);
        pool.setName("rollout-http");
        pool.setDaemon(true);
        this.jetty = new Server(pool, new ScheduledExecutorScheduler("rollout-http-scheduler", true), null);
        this.connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        jetty.addConnector(connector);
        ApiHandler api = new ApiHandler(options, codec, loader, scheduler, weights, pool);
        SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
        limit.setHandler(api);
        jetty.setHandler(new GracefulHandler(limit));
        jetty.setStopTimeout(options.shutdownGrace().toMillis());
    }

    /**
     * Loads {@code weights} with {@code loader} and starts serving. The server owns the engines it
     * loads; {@code codec} stays the caller's.
     *
     * @throws Reason4jException if the weights do not load or the address cannot be bound
     */
    public static RolloutServer start(ServerOptions options, PromptCodec codec, EngineLoader loader, Path weights) {
        RolloutEngine engine = loader.load(weights);
        RolloutServer server = new RolloutServer(options, codec, loader, weights, engine);
        try {
            server.jetty.start();
        } catch (Exception e) {
            server.close();
            throw new Reason4jException("cannot serve on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                    + " (is the port taken? --port 0 picks a free one)", e);
        }
        LOG.info("serving {} on {} (queue {}, batches of up to {} requests)", options.modelName(), server.uri(),
                options.maxQueue(), options.maxBatchRequests());
        return server;
    }

    /** The bound port (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8000}. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** Requests waiting for the engine. */
    public int queued() {
        return scheduler.queued();
    }

    /** Engine calls made so far (each serves every request it took from the queue). */
    public long batches() {
        return scheduler.batches();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /**
     * Shuts down: queued requests get 503, the running batch finishes and is answered, then the HTTP
     * side stops (waiting up to {@link ServerOptions#shutdownGrace()} for responses in flight) and the
     * engine is closed. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("shutting down the rollout server of {}", options.modelName());
        try {
            scheduler.shutdown(options.shutdownGrace());
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly", e);
        } finally {
            stopped.countDown();
        }
    }
}
