package dev.reason4j.rollout.remote;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutStats;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples from inference servers that speak OpenAI's completions protocol and return token ids:
 * reason4j's {@code serve}, vLLM (a version that honours {@code return_token_ids}, or one started with
 * {@code --return-tokens-as-token-ids}), or any other server that does either; answers without token
 * ids are refused with that explanation. Each {@link GenerationRequest} is one HTTP call (its n samples
 * stay on one server, which shares their prompt); calls run concurrently, each on the least busy
 * server, and a call that fails (connection refused, timeout, 408, 429, 5xx, an unreadable answer) is
 * retried on another server with backoff, up to {@link RemoteOptions#maxAttempts()} tries. A 4xx
 * other than 408/429 fails at once: the request itself is wrong, and every server would say so.
 *
 * <p>Against reason4j servers a seeded request gives the local engine's tokens exactly. Other servers
 * have their own random streams, and may report log-probs of the raw logits rather than at the
 * sampling temperature (vLLM's {@code --logprobs-mode}); the trainer's own log-prob pass is the
 * reference either way.
 */
public final class RemoteRolloutEngine implements RolloutEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteRolloutEngine.class);

    private final RemoteOptions options;
    private final HttpClient client;
    private final EndpointPicker picker;
    private final ExecutorService workers;
    private volatile RolloutStats lastStats = RolloutStats.NONE;

    public RemoteRolloutEngine(RemoteOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout()).build();
        this.picker = new EndpointPicker(options.servers().stream().map(Endpoint::new).toList());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(options.servers().size() * options.maxInFlightPerServer(), r -> {
            Thread t = new Thread(r, "rollout-remote-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        long start = System.nanoTime();
        List<CompletableFuture<List<Completion>>> calls = new ArrayList<>(requests.size());
        for (GenerationRequest r : requests) {
            calls.add(CompletableFuture.supplyAsync(() -> call(r), workers));
        }
        List<List<Completion>> out = new ArrayList<>(requests.size());
        try {
            for (CompletableFuture<List<Completion>> c : calls) {
                out.add(c.join());
            }
        } catch (CompletionException e) {
            calls.forEach(c -> c.cancel(false));
            throw e.getCause() instanceof Reason4jException r ? r : new Reason4jException("remote rollout failed: " + e.getCause(), e);
        }
        long prompt = requests.stream().mapToLong(r -> r.promptIds().length).sum();
        long generated = out.stream().flatMap(List::stream).mapToLong(Completion::length).sum();
        lastStats = new RolloutStats(prompt, generated, 0, 0, (System.nanoTime() - start) / 1e9);
        return out;
    }

    /** One request, with failover: see the class comment for what is retried. */
    private List<Completion> call(GenerationRequest r) {
        String body = CompletionsProtocol.requestBody(options.model(), r);
        Set<Endpoint> tried = new HashSet<>();
        String lastError = "no attempt made";
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            Endpoint e = picker.pick(tried, System.nanoTime());
            try {
                if (tried.contains(e) || e.coolingDown(System.nanoTime())) {
                    sleep(backoffMillis(attempt));
                }
                tried.add(e);
                HttpRequest post = HttpRequest.newBuilder(e.resolve("/v1/completions")).timeout(options.requestTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    try {
                        return CompletionsProtocol.parse(response.body(), r);
                    } catch (Reason4jException unreadable) {
                        lastError = e + " sent an answer that could not be read: " + unreadable.getMessage();
                    }
                } else {
                    String message = "HTTP " + status + ": " + CompletionsProtocol.errorMessage(response.body());
                    if (status / 100 == 4 && status != 408 && status != 429) {
                        throw new Reason4jException(e + " rejected a completion request (" + message
                                + "); the request, not the server, is at fault");
                    }
                    lastError = e + " answered " + message;
                }
            } catch (IOException ex) {
                lastError = e + ": " + ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new Reason4jException("interrupted while waiting for " + e, ex);
            } finally {
                e.outstanding.decrementAndGet();
            }
            e.failed(System.nanoTime(), options.failureCooldown().toNanos());
            LOG.warn("rollout request failed (try {} of {}): {}", attempt, options.maxAttempts(), lastError);
        }
        throw new Reason4jException("every try of a rollout request failed (" + options.maxAttempts() + " tries over "
                + picker.all() + "); last error: " + lastError);
    }

    private long backoffMillis(int attempt) {
        long base = options.backoff().toMillis();
        long wait = attempt >= 32 ? Long.MAX_VALUE : base << Math.max(0, attempt - 2);
        return wait < 0 ? options.maxBackoff().toMillis() : Math.min(wait, options.maxBackoff().toMillis());
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * Asks every server to load the checkpoint, all at once, with the configured {@link WeightReloader}.
     * Returns when all have; the directory must be readable by each server at the same path.
     *
     * @throws Reason4jException naming each server that did not reload
     */
    public void reloadWeights(Path checkpoint) {
        List<CompletableFuture<Void>> reloads = new ArrayList<>();
        for (Endpoint e : picker.all()) {
            reloads.add(CompletableFuture.runAsync(
                    () -> options.reloader().reload(client, e.base, checkpoint, options.requestTimeout()), workers));
        }
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> f : reloads) {
            try {
                f.join();
            } catch (CompletionException e) {
                failures.add(e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new Reason4jException(failures.size() + " of " + reloads.size() + " rollout servers did not reload "
                    + checkpoint + ": " + String.join("; ", failures));
        }
        LOG.info("{} rollout server(s) now serve {}", reloads.size(), checkpoint);
    }

    @Override
    public RolloutStats lastStats() {
        return lastStats;
    }

    /** Stops the engine's threads; requests still running are abandoned. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
