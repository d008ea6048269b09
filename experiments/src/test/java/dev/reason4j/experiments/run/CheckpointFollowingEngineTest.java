package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reason4j.core.Completion;
import dev.reason4j.grpo.checkpoint.Checkpoint;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Remote servers reload each newly committed checkpoint once, before the next rollout. */
class CheckpointFollowingEngineTest {
    @Test
    void serversReloadEachNewCheckpointBeforeTheNextRolloutAndOnlyOnce() {
        List<String> events = new ArrayList<>();
        RolloutEngine fake = new RolloutEngine() {
            @Override
            public List<List<Completion>> generate(List<GenerationRequest> requests) {
                events.add("generate");
                return List.of();
            }

            @Override
            public RolloutStats lastStats() {
                return RolloutStats.NONE;
            }

            @Override
            public void close() {
            }
        };
        AtomicReference<Optional<Checkpoint>> latest = new AtomicReference<>(Optional.empty());
        CheckpointFollowingEngine engine = new CheckpointFollowingEngine(fake, dir -> events.add("reload " + dir.getFileName()));
        engine.follow(latest::get);
        engine.generate(List.of());
        latest.set(Optional.of(new Checkpoint(2, Path.of("ckpt/step-2"))));
        engine.generate(List.of());
        engine.generate(List.of());
        latest.set(Optional.of(new Checkpoint(4, Path.of("ckpt/step-4"))));
        engine.generate(List.of());
        assertEquals(List.of("generate", "reload step-2", "generate", "generate", "reload step-4", "generate"), events);
    }
}
