package dev.reason4j.grpo.train;

import dev.reason4j.core.Group;
import java.util.List;
import java.util.Map;

/** Scores groups of completions for the trainer (the rewards module's combination, adapted). */
@FunctionalInterface
public interface GroupScorer {

    /**
     * @param total      per group, per completion: the combined reward (NaN = not applicable)
     * @param components per component name, per group, per completion
     * @param correct    per group, per completion: whether the answer verified correct (for the accuracy metric)
     * @param notApplicable completions with no usable score
     */
    record Scores(double[][] total, Map<String, double[][]> components, boolean[][] correct, int notApplicable) {
    }

    Scores score(List<Group> groups);
}
