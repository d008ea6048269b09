package dev.reason4j.experiments.eval;

import dev.reason4j.verifiers.Verdict;
import java.util.Objects;

/**
 * One response judged against its problem.
 *
 * @param kind      which verifier judged it
 * @param verdict   the verifier's verdict
 * @param answer    the answer the response commits to ("" when none could be extracted): the final
 *                  math answer, the Countdown expression, or the program
 * @param r1Layout  whether the response has DeepSeek-R1-Zero's {@code <think>…</think><answer>…</answer>} layout
 */
public record Judgement(ProblemKind kind, Verdict verdict, String answer, boolean r1Layout) {
    public Judgement {
        Objects.requireNonNull(kind, "Judgement.kind");
        Objects.requireNonNull(verdict, "Judgement.verdict");
        answer = answer == null ? "" : answer;
    }

    public boolean correct() {
        return verdict.correct();
    }

    /** The weaker format check: some answer could be read from the response. */
    public boolean answerFound() {
        return !answer.isEmpty();
    }
}
