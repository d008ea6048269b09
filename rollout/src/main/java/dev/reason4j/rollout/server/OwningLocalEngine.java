package dev.reason4j.rollout.server;

import dev.reason4j.core.Completion;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.RolloutStats;
import java.util.List;

/** A local engine that owns its model: closing it frees the weights (what a reload swaps out). */
final class OwningLocalEngine implements RolloutEngine {
    private final DecoderModel model;
    private final LocalRolloutEngine engine;

    OwningLocalEngine(DecoderModel model, Tokenizer tokenizer, RolloutOptions options) {
        this.model = model;
        this.engine = new LocalRolloutEngine(model, tokenizer, options);
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        return engine.generate(requests);
    }

    @Override
    public RolloutStats lastStats() {
        return engine.lastStats();
    }

    @Override
    public void close() {
        engine.close();
        model.close();
    }
}
