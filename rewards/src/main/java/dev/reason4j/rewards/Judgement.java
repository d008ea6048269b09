package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.math.MathVerifier;

/** A verifier's verdict reduced to what a reward needs: right, wrong, or not applicable. */
enum Judgement {
    CORRECT, WRONG, NOT_APPLICABLE;

    /**
     * Every judged verdict that is not CORRECT is WRONG, limits and time-outs included.
     *
     * @throws InfrastructureFailureException for {@link Verdict.Kind#INFRASTRUCTURE_FAILURE}
     */
    static Judgement of(Verdict verdict) {
        if (verdict.kind() == Verdict.Kind.INFRASTRUCTURE_FAILURE) {
            throw new InfrastructureFailureException(verdict.reason());
        }
        if (!verdict.judged()) {
            return NOT_APPLICABLE;
        }
        return verdict.correct() ? CORRECT : WRONG;
    }

    /** The math verifier's judgement of the completion against the problem's reference answer (none: not applicable). */
    static Judgement ofMath(MathVerifier verifier, Problem problem, Completion completion) {
        if (problem.answer() == null) {
            return NOT_APPLICABLE;
        }
        return of(verifier.verify(completion.text(), problem.answer()));
    }
}
