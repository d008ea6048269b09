package dev.reason4j.datasets;

import dev.reason4j.core.Problem;

import java.util.List;

/**
 * Training and held-out problems. No training prompt equals a held-out prompt after
 * {@link Splits#normalizedPrompt normalization}.
 *
 * @param train            the training problems
 * @param heldOut          the held-out (evaluation) problems
 * @param droppedFromTrain how many training problems were removed because a held-out problem had the same prompt
 */
public record Split(List<Problem> train, List<Problem> heldOut, int droppedFromTrain) {
    public Split {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
        if (droppedFromTrain < 0) {
            throw new IllegalArgumentException("Split.droppedFromTrain cannot be negative: " + droppedFromTrain);
        }
    }
}
