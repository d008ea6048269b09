package dev.reason4j.rollout.remote;

import java.util.List;
import java.util.Set;

/**
 * Least-outstanding choice with failover: a server this request has not tried beats one it has; a
 * server that has not failed lately beats one that has; then the fewest requests in flight; ties go
 * round-robin so equal servers share the load.
 */
final class EndpointPicker {
    private final List<Endpoint> endpoints;
    private int next;

    EndpointPicker(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** Picks a server and counts the request as in flight on it; the caller decrements when done. */
    synchronized Endpoint pick(Set<Endpoint> tried, long nowNanos) {
        Endpoint best = null;
        int start = next;
        for (int k = 0; k < endpoints.size(); k++) {
            Endpoint e = endpoints.get((start + k) % endpoints.size());
            if (best == null || better(e, best, tried, nowNanos)) {
                best = e;
            }
        }
        next = (endpoints.indexOf(best) + 1) % endpoints.size();
        best.outstanding.incrementAndGet();
        return best;
    }

    private static boolean better(Endpoint a, Endpoint b, Set<Endpoint> tried, long now) {
        boolean aTried = tried.contains(a);
        if (aTried != tried.contains(b)) {
            return !aTried;
        }
        boolean aCooling = a.coolingDown(now);
        if (aCooling != b.coolingDown(now)) {
            return !aCooling;
        }
        return a.outstanding.get() < b.outstanding.get();
    }

    List<Endpoint> all() {
        return endpoints;
    }
}
