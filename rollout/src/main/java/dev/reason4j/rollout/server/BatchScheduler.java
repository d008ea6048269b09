package dev.reason4j.rollout.server;

import dev.reason4j.core.Completion;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread owns the engine. It waits for work, takes every queued job up to
 * {@code maxBatchRequests}, and runs all their prompts in one generate call, so requests that arrive
 * while a batch runs are served together by the next. Weight swaps are applied by the same thread
 * between batches, so a batch never sees two sets of weights.
 */
final class BatchScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);

    /** One HTTP request's prompts and where its completions go. */
    private record Job(List<GenerationRequest> requests, CompletableFuture<List<List<Completion>>> result) {
    }

    private record Swap(RolloutEngine next, CompletableFuture<Void> done) {
    }

    private final int maxQueue;
    private final int maxBatchRequests;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final ArrayDeque<Swap> swaps = new ArrayDeque<>();
    private final Thread worker;
    private boolean closing;
    private long batches;
    // Touched only by the worker thread once it has started.
    private RolloutEngine engine;

    BatchScheduler(RolloutEngine engine, int maxQueue, int maxBatchRequests, String threadName) {
        this.engine = engine;
        this.maxQueue = maxQueue;
        this.maxBatchRequests = maxBatchRequests;
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Queues one request's prompts.
     *
     * @throws ApiException 429 when {@code maxQueue} jobs are already waiting, 503 when shutting down
     */
    CompletableFuture<List<List<Completion>>> submit(List<GenerationRequest> requests) {
        Job job = new Job(List.copyOf(requests), new CompletableFuture<>());
        lock.lock();
        try {
            if (closing) {
                throw ApiException.shuttingDown();
            }
            if (queue.size() >= maxQueue) {
                throw ApiException.queueFull(maxQueue);
            }
            queue.add(job);
            workArrived.signal();
        } finally {
            lock.unlock();
        }
        return job.result;
    }

    /**
     * Replaces the engine before the next batch; the old one is closed. The future completes once the
     * swap is done (fails with 503, and {@code next} is closed, if the scheduler shuts down first).
     */
    CompletableFuture<Void> swap(RolloutEngine next) {
        Swap swap = new Swap(next, new CompletableFuture<>());
        lock.lock();
        try {
            if (closing) {
                next.close();
                throw ApiException.shuttingDown();
            }
            swaps.add(swap);
            workArrived.signal();
        } finally {
            lock.unlock();
        }
        return swap.done;
    }

    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Engine calls made so far. */
    long batches() {
        lock.lock();
        try {
            return batches;
        } finally {
            lock.unlock();
        }
    }

    boolean closing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<Swap> dueSwaps = new ArrayList<>();
            List<Job> batch = new ArrayList<>();
            lock.lock();
            try {
                while (queue.isEmpty() && swaps.isEmpty() && !closing) {
                    workArrived.awaitUninterruptibly();
                }
                if (closing) {
                    break;
                }
                dueSwaps.addAll(swaps);
                swaps.clear();
                while (!queue.isEmpty() && batch.size() < maxBatchRequests) {
                    batch.add(queue.poll());
                }
                if (!batch.isEmpty()) {
                    batches++;
                }
            } finally {
                lock.unlock();
            }
            dueSwaps.forEach(this::applySwap);
            if (!batch.isEmpty()) {
                runBatch(batch);
            }
        }
        drainOnExit();
    }

    private void applySwap(Swap swap) {
        RolloutEngine old = engine;
        engine = swap.next;
        closeQuietly(old);
        swap.done.complete(null);
    }

    private void runBatch(List<Job> batch) {
        List<GenerationRequest> all = new ArrayList<>();
        batch.forEach(job -> all.addAll(job.requests));
        List<List<Completion>> results;
        try {
            results = engine.generate(all);
        } catch (RuntimeException | Error e) {
            if (batch.size() > 1) {
                // One bad request must not fail the others: run each alone to find it.
                LOG.warn("a batch of {} requests failed ({}); running them one by one", batch.size(), e.toString());
                batch.forEach(job -> runBatch(List.of(job)));
            } else {
                LOG.error("generation failed", e);
                batch.get(0).result.completeExceptionally(e);
            }
            return;
        }
        int next = 0;
        for (Job job : batch) {
            job.result.complete(List.copyOf(results.subList(next, next + job.requests.size())));
            next += job.requests.size();
        }
    }

    private void drainOnExit() {
        List<Swap> leftover;
        lock.lock();
        try {
            leftover = new ArrayList<>(swaps);
            swaps.clear();
        } finally {
            lock.unlock();
        }
        for (Swap s : leftover) {
            closeQuietly(s.next);
            s.done.completeExceptionally(ApiException.shuttingDown());
        }
        closeQuietly(engine);
    }

    /**
     * Stops taking work: queued jobs fail with 503, the running batch finishes, the worker exits and
     * closes the engine. Waits up to {@code grace} for that.
     *
     * @return true when the worker has exited
     */
    boolean shutdown(Duration grace) {
        List<Job> rejected;
        lock.lock();
        try {
            closing = true;
            rejected = new ArrayList<>(queue);
            queue.clear();
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        rejected.forEach(job -> job.result.completeExceptionally(ApiException.shuttingDown()));
        try {
            worker.join(TimeUnit.MILLISECONDS.convert(grace));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("the running batch did not finish within {} s; leaving its thread to end on its own", grace.toSeconds());
            return false;
        }
        return true;
    }

    private static void closeQuietly(RolloutEngine e) {
        try {
            e.close();
        } catch (RuntimeException ex) {
            LOG.warn("closing an engine failed", ex);
        }
    }
}
