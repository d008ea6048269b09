package dev.reason4j.experiments.run;

import dev.reason4j.experiments.config.EngineKind;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.RolloutSection;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.remote.RemoteOptions;
import dev.reason4j.rollout.remote.RemoteRolloutEngine;
import java.net.URI;
import java.nio.file.Path;

/** The rollout engine {@code rollout.engine} asks for. */
final class RolloutEngines {
    private RolloutEngines() {
    }

    /**
     * @param policy   the model being trained (the local engine samples from it directly)
     * @param modelDir the starting model's directory (the remote servers' default model name)
     */
    static RolloutEngine create(ExperimentConfig c, DecoderModel policy, Tokenizer tokenizer, Path modelDir) {
        RolloutSection r = c.rollout();
        if (r.engine() == EngineKind.LOCAL) {
            return new LocalRolloutEngine(policy, tokenizer, new RolloutOptions(r.maxBatchTokens(), RolloutOptions.DEFAULTS.compactionFraction(), r.lanes()));
        }
        String served = r.servedModel() != null ? r.servedModel() : modelDir.toString();
        RemoteOptions options = RemoteOptions.of(r.servers().stream().map(s -> URI.create(s.strip())).toList(), served)
                .withReloader(r.reloader().reloader());
        return new CheckpointFollowingEngine(new RemoteRolloutEngine(options));
    }
}
