package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.reason4j.core.Reason4jException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Base versus trained, problem by problem: the rows of {@code comparison.jsonl}, and a summary
 * ({@code comparison.json}) whose metrics are recomputed on the problems both evaluations share,
 * so a delta never mixes different problem sets.
 */
public record Comparison(List<ProblemDiff> problems, Summary summary) {
    public Comparison {
        problems = List.copyOf(problems);
    }

    /** Whether the trained model's per-problem pass@1 (c/n) went up, down or stayed. */
    public enum Change {
        IMPROVED, REGRESSED, SAME;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One shared problem; {@code delta} is trained minus base pass@1. */
    public record ProblemDiff(String id, Change change, @JsonProperty("base_c") int baseC, @JsonProperty("base_n") int baseN,
                              @JsonProperty("trained_c") int trainedC, @JsonProperty("trained_n") int trainedN,
                              @JsonProperty("base_pass_at_1") double basePassAt1,
                              @JsonProperty("trained_pass_at_1") double trainedPassAt1, double delta,
                              boolean baseMajCorrect, boolean trainedMajCorrect) {
    }

    /** A metric on both sides; null where one side did not measure it. */
    public record Delta(Double base, Double trained, Double delta) {
        static Delta of(Double base, Double trained) {
            return new Delta(base, trained, base == null || trained == null ? null : trained - base);
        }
    }

    /**
     * @param matched       problems in both evaluations (by id)
     * @param onlyInBase    problems only the base evaluation has (left out of everything else)
     * @param onlyInTrained problems only the trained evaluation has
     * @param metrics       by name: pass_at_1, pass_at_K for each K both report, maj_at_k, greedy_accuracy,
     *                      format_r1, format_answer, mean_completion_tokens, truncation_rate
     */
    public record Summary(int matched, int improved, int regressed, int same, int onlyInBase, int onlyInTrained,
                          Map<String, Delta> metrics) {
    }

    /** Matches problems by id; fails when an id repeats within one side or no id is shared. */
    static Comparison of(EvalResults base, EvalResults trained) {
        index(base, "base"); // fails on a repeated id
        Map<String, ProblemResult> trainedById = index(trained, "trained");
        List<ProblemResult> matchedBase = new ArrayList<>();
        List<ProblemResult> matchedTrained = new ArrayList<>();
        List<ProblemDiff> diffs = new ArrayList<>();
        int[] counts = new int[Change.values().length];
        for (ProblemResult b : base.problems()) {
            ProblemResult t = trainedById.get(b.id());
            if (t == null) {
                continue;
            }
            matchedBase.add(b);
            matchedTrained.add(t);
            ProblemDiff diff = diff(b, t);
            counts[diff.change().ordinal()]++;
            diffs.add(diff);
        }
        if (diffs.isEmpty()) {
            throw new Reason4jException("the two evaluations share no problem ids: compare evaluations of the same problems");
        }
        Summary summary = new Summary(diffs.size(), counts[Change.IMPROVED.ordinal()], counts[Change.REGRESSED.ordinal()],
                counts[Change.SAME.ordinal()], base.problems().size() - diffs.size(), trained.problems().size() - diffs.size(),
                metrics(base.summary(), trained.summary(), matchedBase, matchedTrained));
        return new Comparison(diffs, summary);
    }

    private static ProblemDiff diff(ProblemResult b, ProblemResult t) {
        long baseScaled = (long) b.c() * t.n();     // compare c/n exactly, in integers
        long trainedScaled = (long) t.c() * b.n();
        Change change = trainedScaled > baseScaled ? Change.IMPROVED : trainedScaled < baseScaled ? Change.REGRESSED : Change.SAME;
        return new ProblemDiff(b.id(), change, b.c(), b.n(), t.c(), t.n(), b.passAt1(), t.passAt1(), t.passAt1() - b.passAt1(),
                b.majCorrect(), t.majCorrect());
    }

    private static Map<String, Delta> metrics(EvalSummary baseSummary, EvalSummary trainedSummary,
                                              List<ProblemResult> base, List<ProblemResult> trained) {
        TreeSet<Integer> ks = new TreeSet<>(baseSummary.passAtK().keySet());
        ks.retainAll(trainedSummary.passAtK().keySet());
        EvalSummary b = EvalSummary.of(base, baseSummary.k(), List.copyOf(ks), null, baseSummary.settings());
        EvalSummary t = EvalSummary.of(trained, trainedSummary.k(), List.copyOf(ks), null, trainedSummary.settings());
        Map<String, Delta> out = new LinkedHashMap<>();
        out.put("pass_at_1", Delta.of(b.passAt1(), t.passAt1()));
        for (int k : ks) {
            out.put("pass_at_" + k, Delta.of(b.passAtK().get(k), t.passAtK().get(k)));
        }
        out.put("maj_at_k", Delta.of(b.majAtK(), t.majAtK()));
        out.put("greedy_accuracy", Delta.of(b.greedyAccuracy(), t.greedyAccuracy()));
        out.put("format_r1", Delta.of(b.formatR1(), t.formatR1()));
        out.put("format_answer", Delta.of(b.formatAnswer(), t.formatAnswer()));
        out.put("mean_completion_tokens", Delta.of(b.meanCompletionTokens(), t.meanCompletionTokens()));
        out.put("truncation_rate", Delta.of(b.truncationRate(), t.truncationRate()));
        return out;
    }

    private static Map<String, ProblemResult> index(EvalResults results, String side) {
        Map<String, ProblemResult> byId = new LinkedHashMap<>();
        for (ProblemResult r : results.problems()) {
            if (byId.put(r.id(), r) != null) {
                throw new Reason4jException("the " + side + " evaluation has problem id " + r.id()
                        + " twice: ids must be unique to match problems");
            }
        }
        return byId;
    }
}
