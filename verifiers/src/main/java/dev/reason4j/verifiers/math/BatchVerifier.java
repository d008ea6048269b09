package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs many checks on a bounded pool, each with its own deadline counted from when it starts.
 *
 * <pre>{@code
 * try (BatchVerifier pool = new BatchVerifier(8, Duration.ofSeconds(5))) {
 *     List<Verdict> verdicts = pool.verifyAll(rows, row -> math.verify(row.response(), row.answer()));
 * }
 * }</pre>
 *
 * A check past its deadline gets a {@code LIMIT_EXCEEDED} verdict at once and its thread is
 * interrupted; a check that throws gets {@code INFRASTRUCTURE_FAILURE}. Java cannot stop a thread
 * that ignores interruption, so a non-cooperative check keeps its worker busy until it returns;
 * {@link MathVerifier} and the Countdown verifier stop themselves at their own deadline.
 * Not for model-written programs: those belong in a sandboxed process.
 */
public final class BatchVerifier implements AutoCloseable {

    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Duration perCheckLimit;

    public BatchVerifier(int threads, Duration perCheckLimit) {
        if (threads < 1) {
            throw new IllegalArgumentException("BatchVerifier threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(perCheckLimit, "perCheckLimit");
        if (perCheckLimit.isNegative() || perCheckLimit.isZero()) {
            throw new IllegalArgumentException("BatchVerifier perCheckLimit must be positive, got " + perCheckLimit);
        }
        this.perCheckLimit = perCheckLimit;
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads("verify-worker"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("verify-watchdog"));
    }

    /** Applies {@code check} to every item; verdict i belongs to item i. */
    public <T> List<Verdict> verifyAll(List<T> items, Function<? super T, Verdict> check) {
        List<Supplier<Verdict>> checks = new ArrayList<>(items.size());
        for (T item : items) {
            checks.add(() -> check.apply(item));
        }
        return verifyAll(checks);
    }

    /** Runs every check; verdict i belongs to check i. Blocks until all have a verdict. */
    public List<Verdict> verifyAll(List<? extends Supplier<Verdict>> checks) {
        List<CompletableFuture<Verdict>> results = new ArrayList<>(checks.size());
        for (Supplier<Verdict> check : checks) {
            CompletableFuture<Verdict> result = new CompletableFuture<>();
            workers.execute(() -> runWithDeadline(check, result));
            results.add(result);
        }
        List<Verdict> verdicts = new ArrayList<>(results.size());
        for (CompletableFuture<Verdict> r : results) {
            verdicts.add(await(r));
        }
        return verdicts;
    }

    private void runWithDeadline(Supplier<Verdict> check, CompletableFuture<Verdict> result) {
        Thread worker = Thread.currentThread();
        Object lock = new Object();
        boolean[] finished = {false};
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            synchronized (lock) {
                if (!finished[0] && result.complete(Verdict.wrong(Kind.LIMIT_EXCEEDED, "",
                        "the check ran past its time limit of " + perCheckLimit.toMillis() + " ms"))) {
                    worker.interrupt();
                }
            }
        }, perCheckLimit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            Verdict v = check.get();
            result.complete(v != null ? v : new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "the check returned no verdict"));
        } catch (RuntimeException | Error e) {
            result.complete(new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "the check threw " + e));
        } finally {
            timer.cancel(false);
            synchronized (lock) {
                finished[0] = true;
            }
            Thread.interrupted(); // an interrupt aimed at this check must not hit the next one
        }
    }

    private static Verdict await(CompletableFuture<Verdict> r) {
        try {
            return r.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "interrupted while waiting for the check");
        } catch (ExecutionException e) {
            return new Verdict(Kind.INFRASTRUCTURE_FAILURE, 0, "", "the check failed: " + e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
