package dev.reason4j.experiments.run;

import dev.reason4j.core.Completion;
import dev.reason4j.grpo.checkpoint.Checkpoint;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutStats;
import dev.reason4j.rollout.remote.RemoteRolloutEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The remote engine, kept on the newest checkpoint: before each batch of requests, if a checkpoint
 * newer than the one the servers serve has been committed, every server reloads it
 * ({@link RemoteRolloutEngine#reloadWeights}). So rollouts are as fresh as the last checkpoint
 * ({@code output.checkpoint_every: 1} keeps them on-policy), and a resumed run first puts the servers
 * on the checkpoint it resumed from. Until the first checkpoint the servers serve what they were
 * started with, which must be the run's starting model.
 */
final class CheckpointFollowingEngine implements RolloutEngine {
    private final RolloutEngine remote;
    private final Consumer<Path> reload;
    private Supplier<Optional<Checkpoint>> latest = Optional::empty;
    private long servedStep = -1;

    CheckpointFollowingEngine(RemoteRolloutEngine remote) {
        this(remote, remote::reloadWeights);
    }

    /** @param reload asks every server to load a checkpoint directory, returning when all have */
    CheckpointFollowingEngine(RolloutEngine remote, Consumer<Path> reload) {
        this.remote = remote;
        this.reload = reload;
    }

    /** Where to look for the newest committed checkpoint (the trainer's store, once it exists). */
    void follow(Supplier<Optional<Checkpoint>> newest) {
        this.latest = newest;
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        Optional<Checkpoint> newest = latest.get();
        if (newest.isPresent() && newest.get().step() != servedStep) {
            reload.accept(newest.get().modelDir());
            servedStep = newest.get().step();
        }
        return remote.generate(requests);
    }

    @Override
    public RolloutStats lastStats() {
        return remote.lastStats();
    }

    @Override
    public void close() {
        remote.close();
    }
}
