package dev.reason4j.rewards;

import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Problems, completions and groups for the reward tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A math problem with reference {@code answer}. */
    static Problem math(String answer) {
        return Problem.math("p-" + answer, Prompt.text("What is it?"), answer, Map.of());
    }

    /** A problem with only code tests (no reference answer): math-backed rewards do not apply. */
    static Problem codeOnly() {
        return new Problem("code", Prompt.text("Double n."), null, null, List.of(CodeTest.stdio("2", "4")), Map.of());
    }

    /** A completion with {@code text} and {@code tokens} completion tokens. */
    static Completion completion(String text, int tokens) {
        return new Completion(new int[] {1, 2}, new int[tokens], text, new float[tokens], FinishReason.STOP);
    }

    static Completion completion(String text) {
        return completion(text, text.length());
    }

    static Group group(Problem problem, Completion... completions) {
        return new Group(problem, Arrays.asList(completions));
    }

    static Group group(Problem problem, String... texts) {
        return new Group(problem, Arrays.stream(texts).map(Fixtures::completion).toList());
    }
}
