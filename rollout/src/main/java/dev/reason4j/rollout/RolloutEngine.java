package dev.reason4j.rollout;

import dev.reason4j.core.Completion;
import java.util.List;

/** Samples completions: in this JVM ({@link LocalRolloutEngine}) or from inference servers. */
public interface RolloutEngine extends AutoCloseable {
    /**
     * @return for each request, in order, its {@code n} completions in sample order
     */
    List<List<Completion>> generate(List<GenerationRequest> requests);

    /** Throughput counters of the most recent {@link #generate} call. */
    RolloutStats lastStats();

    @Override
    void close();
}
