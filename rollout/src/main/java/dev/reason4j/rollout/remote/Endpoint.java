package dev.reason4j.rollout.remote;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** One server as the remote engine sees it: its base URL, requests in flight, and when it last failed. */
final class Endpoint {
    final URI base;
    final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean everFailed;
    private volatile long coolingUntilNanos;

    Endpoint(URI base) {
        this.base = normalise(base);
    }

    /** Drops a trailing slash and a trailing {@code /v1}, so OpenAI-client style URLs work too. */
    static URI normalise(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v1")) {
            s = s.substring(0, s.length() - 3);
        }
        return URI.create(s);
    }

    URI resolve(String path) {
        return URI.create(base + path);
    }

    void failed(long nowNanos, long cooldownNanos) {
        coolingUntilNanos = nowNanos + cooldownNanos;
        everFailed = true;
    }

    boolean coolingDown(long nowNanos) {
        return everFailed && nowNanos - coolingUntilNanos < 0;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
