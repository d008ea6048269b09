package dev.reason4j.rollout.server;

import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in engine: records every batch it is given, can be held at the gate until released, can
 * fail, and answers each sample with {@code [tag, sample]} tokens and text {@code "<tag>:<sample>"}.
 */
public final class ScriptedEngine implements RolloutEngine {
    public final List<List<GenerationRequest>> batches = new CopyOnWriteArrayList<>();
    public final CountDownLatch entered = new CountDownLatch(1);
    private final int tag;
    private final boolean fail;
    private final Semaphore gate;
    private volatile boolean closed;

    private ScriptedEngine(int tag, boolean gated, boolean fail) {
        this.tag = tag;
        this.fail = fail;
        this.gate = gated ? new Semaphore(0) : null;
    }

    public static ScriptedEngine answering(int tag) {
        return new ScriptedEngine(tag, false, false);
    }

    /** Every batch waits at the gate until {@link #release()}. */
    public static ScriptedEngine gated(int tag) {
        return new ScriptedEngine(tag, true, false);
    }

    public static ScriptedEngine failing() {
        return new ScriptedEngine(-1, false, true);
    }

    /** Lets every waiting and future batch through. */
    public void release() {
        gate.release(1_000_000);
    }

    public boolean closed() {
        return closed;
    }

    public List<Integer> batchSizes() {
        return batches.stream().map(List::size).toList();
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        batches.add(List.copyOf(requests));
        entered.countDown();
        if (gate != null) {
            try {
                if (!gate.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the engine");
                }
                gate.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (fail || requests.stream().anyMatch(r -> r.params().seed() == POISON_SEED)) {
            throw new Reason4jException("scripted failure");
        }
        List<List<Completion>> out = new ArrayList<>();
        for (GenerationRequest r : requests) {
            List<Completion> group = new ArrayList<>();
            for (int s = 0; s < r.n(); s++) {
                group.add(new Completion(Arrays.copyOf(r.promptIds(), r.promptIds().length), new int[] {tag, s},
                        tag + ":" + s, new float[] {-0.25f, -1.5f}, FinishReason.LENGTH));
            }
            out.add(group);
        }
        return out;
    }

    /** A request with this seed makes any batch it is in fail. */
    public static final long POISON_SEED = 666;

    @Override
    public RolloutStats lastStats() {
        return RolloutStats.NONE;
    }

    @Override
    public void close() {
        closed = true;
    }
}
