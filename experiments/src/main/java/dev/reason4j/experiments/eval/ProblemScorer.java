package dev.reason4j.experiments.eval;

import dev.reason4j.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges one problem's samples and votes on them: the part of an evaluation shared by generated and external samples. */
final class ProblemScorer {
    private ProblemScorer() {
    }

    /**
     * A completion to judge.
     *
     * @param finishReason {@code stop}, {@code length}, or null when unknown
     * @param length       tokens, or null when unknown
     */
    record RawSample(String text, String finishReason, Integer length) {
    }

    /**
     * @param promptText the prompt as the model saw it ("" when unknown)
     * @param greedy     the temperature-0 sample, or null
     * @param k          maj@k votes over the first k samples
     */
    static ProblemResult score(Problem problem, String promptText, List<RawSample> samples, RawSample greedy, int k,
                               ProblemJudge judge) {
        List<Judgement> judgements = new ArrayList<>(samples.size());
        List<SampleResult> results = new ArrayList<>(samples.size());
        for (RawSample s : samples) {
            Judgement j = judge.judge(problem, promptText, s.text());
            judgements.add(j);
            results.add(SampleResult.of(s.text(), j, s.finishReason(), s.length()));
        }
        Optional<MajorityVote.Majority> majority = MajorityVote.among(judgements, k, Judgement::answerFound,
                (first, other) -> judge.sameAnswer(problem, first, other));
        Judgement winner = majority.map(m -> judgements.get(m.representative())).orElse(null);
        int c = (int) judgements.stream().filter(Judgement::correct).count();
        int n = samples.size();
        SampleResult greedyResult = greedy == null ? null
                : SampleResult.of(greedy.text(), judge.judge(problem, promptText, greedy.text()), greedy.finishReason(), greedy.length());
        return new ProblemResult(problem.id(), ProblemKind.of(problem).name().toLowerCase(java.util.Locale.ROOT),
                ProblemJudge.reference(problem), c, n, (double) c / n, winner == null ? null : winner.answer(),
                majority.map(MajorityVote.Majority::votes).orElse(0), winner != null && winner.correct(), greedyResult,
                promptText, results);
    }
}
