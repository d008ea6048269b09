package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import java.util.function.ToDoubleFunction;

/** A test reward whose value is a function of the completion's text, with a chosen failure value. */
record StubReward(String name, ToDoubleFunction<String> value, double failure) implements CompletionReward {

    static StubReward constant(String name, double value) {
        return new StubReward(name, text -> value, Double.NaN);
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return value.applyAsDouble(completion.text());
    }

    @Override
    public double failureValue(Problem problem, Completion completion) {
        return failure;
    }
}
