package dev.reason4j.verifiers.math;

import java.time.Duration;

/**
 * What one check may spend: a wall-clock deadline and the size caps. The parser and evaluators call
 * {@link #tick()} in every loop and recursion, so a runaway input stops itself at the deadline
 * instead of relying on someone to interrupt it. Also honours thread interruption (a
 * {@link BatchVerifier} interrupts checks past their deadline). One budget per check; not shared
 * between threads.
 */
final class Budget {

    private final long deadlineNanos;
    private final Duration timeLimit;
    private final MathVerifierConfig config;
    private int ticks;

    private Budget(MathVerifierConfig config) {
        this.config = config;
        this.timeLimit = config.timeLimit();
        this.deadlineNanos = System.nanoTime() + timeLimit.toNanos();
    }

    static Budget start(MathVerifierConfig config) {
        return new Budget(config);
    }

    MathVerifierConfig config() {
        return config;
    }

    /** Cheap enough for inner loops: looks at the clock every 256 calls. */
    void tick() {
        if ((++ticks & 0xFF) == 0) {
            check();
        }
    }

    void check() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceededException("the check ran past its time limit of " + timeLimit.toMillis() + " ms");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new LimitExceededException("the check was interrupted at its deadline");
        }
    }
}
