package dev.reason4j.rollout.remote;

import dev.reason4j.core.Reason4jException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the remote engine sends requests and how hard it tries.
 *
 * @param servers              base URLs, e.g. {@code http://10.0.0.5:8000} (a trailing {@code /v1} is allowed)
 * @param model                the {@code model} field sent (vLLM checks it against its served name; reason4j accepts any)
 * @param maxAttempts          tries per request, each on the least busy server not yet tried when there is one
 * @param backoff              wait before the second try; doubles per try up to {@code maxBackoff}
 * @param maxBackoff           longest wait between tries
 * @param requestTimeout       longest one completion request may take
 * @param connectTimeout       longest a connection may take to open
 * @param maxInFlightPerServer concurrent requests per server (the engine's threads are servers × this)
 * @param failureCooldown      a server that failed is picked last for this long
 * @param reloader             how {@link RemoteRolloutEngine#reloadWeights} asks each server to load a checkpoint
 */
public record RemoteOptions(List<URI> servers, String model, int maxAttempts, Duration backoff, Duration maxBackoff,
                            Duration requestTimeout, Duration connectTimeout, int maxInFlightPerServer,
                            Duration failureCooldown, WeightReloader reloader) {
    public RemoteOptions {
        servers = List.copyOf(servers);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(failureCooldown, "failureCooldown");
        Objects.requireNonNull(reloader, "reloader");
        if (servers.isEmpty()) {
            throw new Reason4jException("rollout servers: give at least one base URL, e.g. http://127.0.0.1:8000");
        }
        for (URI s : servers) {
            if (!("http".equals(s.getScheme()) || "https".equals(s.getScheme())) || s.getHost() == null) {
                throw new Reason4jException("rollout server \"" + s + "\" is not an http(s) URL with a host, e.g. http://127.0.0.1:8000");
            }
        }
        if (maxAttempts < 1) {
            throw new Reason4jException("rollout max_attempts must be ≥ 1, got " + maxAttempts);
        }
        if (maxInFlightPerServer < 1) {
            throw new Reason4jException("rollout max_in_flight_per_server must be ≥ 1, got " + maxInFlightPerServer);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new Reason4jException("rollout backoff must be ≥ 0 and ≤ max_backoff, got " + backoff + " and " + maxBackoff);
        }
    }

    /**
     * Defaults: every server tried once more than there are servers (at least 3 tries), backoff 0.5 s
     * doubling to 8 s, 30 min per request, 8 requests in flight per server, our server's reloader.
     */
    public static RemoteOptions of(List<URI> servers, String model) {
        return new RemoteOptions(servers, model, Math.max(3, servers.size() + 1), Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofMinutes(30), Duration.ofSeconds(10), 8, Duration.ofSeconds(5), WeightReloader.reason4j());
    }

    public RemoteOptions withRetries(int attempts, Duration firstBackoff, Duration cooldown) {
        return new RemoteOptions(servers, model, attempts, firstBackoff, maxBackoff.compareTo(firstBackoff) < 0 ? firstBackoff : maxBackoff,
                requestTimeout, connectTimeout, maxInFlightPerServer, cooldown, reloader);
    }

    public RemoteOptions withReloader(WeightReloader r) {
        return new RemoteOptions(servers, model, maxAttempts, backoff, maxBackoff, requestTimeout, connectTimeout,
                maxInFlightPerServer, failureCooldown, r);
    }

    public RemoteOptions withMaxInFlightPerServer(int n) {
        return new RemoteOptions(servers, model, maxAttempts, backoff, maxBackoff, requestTimeout, connectTimeout, n,
                failureCooldown, reloader);
    }
}
