package dev.reason4j.rewards;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks at most {@code parallelism} at a time, each with its own time limit counted from its
 * start. A task past its limit is settled as timed out at once and interrupted; its slot is freed
 * then, not when the task finally returns, so code that ignores interrupts cannot starve the tasks
 * after it (its thread lingers until it returns; threads are daemons).
 */
final class TimeLimitedExecutor implements AutoCloseable {

    enum Ending { RETURNED, THREW, TIMED_OUT }

    /** How a task ended: its value, the throwable it threw, or neither when it timed out. */
    record Attempt<T>(Ending ending, T value, Throwable error) {
    }

    private final Semaphore slots;
    private final ExecutorService threads;
    private final ScheduledExecutorService alarms;

    TimeLimitedExecutor(int parallelism) {
        this.slots = new Semaphore(parallelism);
        this.threads = Executors.newCachedThreadPool(daemons("reward-scorer-"));
        this.alarms = Executors.newSingleThreadScheduledExecutor(daemons("reward-deadline-"));
    }

    /**
     * Starts {@code work} once a slot is free (blocking the caller until then).
     *
     * @return completes exactly once, normally, when the task returns, throws or runs out of time
     */
    <T> CompletableFuture<Attempt<T>> submit(Callable<T> work, Duration limit) throws InterruptedException {
        slots.acquire();
        CompletableFuture<Attempt<T>> outcome = new CompletableFuture<>();
        outcome.whenComplete((attempt, never) -> slots.release());
        Future<?> running;
        try {
            running = threads.submit(() -> {
                Attempt<T> attempt;
                try {
                    attempt = new Attempt<>(Ending.RETURNED, work.call(), null);
                } catch (Throwable t) { // a reward's StackOverflowError must not end the step either
                    attempt = new Attempt<>(Ending.THREW, null, t);
                }
                outcome.complete(attempt);
            });
        } catch (RejectedExecutionException e) {
            outcome.complete(new Attempt<>(Ending.THREW, null, e));
            return outcome;
        }
        ScheduledFuture<?> alarm = alarms.schedule(() -> {
            if (outcome.complete(new Attempt<>(Ending.TIMED_OUT, null, null))) {
                running.cancel(true);
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        outcome.whenComplete((attempt, never) -> alarm.cancel(false));
        return outcome;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        alarms.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
