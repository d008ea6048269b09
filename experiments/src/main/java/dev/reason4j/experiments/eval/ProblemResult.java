package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reason4j.core.Reason4jException;
import java.util.List;
import java.util.Objects;

/**
 * One problem's evaluation: a row of {@code results.jsonl}.
 *
 * @param id          the problem id
 * @param kind        {@code math}, {@code countdown} or {@code code}
 * @param reference   what responses were checked against (see {@link ProblemJudge#reference})
 * @param c           correct samples
 * @param n           samples
 * @param passAt1     c / n
 * @param majAnswer   the majority answer among the first k samples (see {@link MajorityVote}); null when no sample had one
 * @param majVotes    how many samples gave it
 * @param majCorrect  whether it is correct (the verdict of the group's first member)
 * @param greedy      the temperature-0 sample, or null when none was asked for
 * @param prompt      the prompt as the model saw it ("" when unknown)
 * @param samples     the samples, in sample order
 */
public record ProblemResult(String id, String kind, String reference, int c, int n, @JsonProperty("pass_at_1") double passAt1,
                            @JsonProperty("maj_answer") String majAnswer, @JsonProperty("maj_votes") int majVotes,
                            @JsonProperty("maj_correct") boolean majCorrect, SampleResult greedy, String prompt,
                            List<SampleResult> samples) {
    public ProblemResult {
        Objects.requireNonNull(id, "ProblemResult.id");
        Objects.requireNonNull(samples, "ProblemResult.samples");
        samples = List.copyOf(samples);
        prompt = prompt == null ? "" : prompt;
        long correct = samples.stream().filter(SampleResult::correct).count();
        if (n != samples.size() || c != correct || n < 1) {
            throw new Reason4jException("problem " + id + ": c = " + c + " and n = " + n + " do not match its " + samples.size()
                    + " samples (" + correct + " correct); there must be at least one sample");
        }
        if (Math.abs(passAt1 - (double) c / n) > 1e-12) {
            throw new Reason4jException("problem " + id + ": pass_at_1 " + passAt1 + " is not c / n = " + c + "/" + n);
        }
        if (majVotes < 0 || majVotes > n || (majAnswer == null) != (majVotes == 0) || (majCorrect && majAnswer == null)) {
            throw new Reason4jException("problem " + id + ": inconsistent majority (answer " + majAnswer + ", " + majVotes
                    + " votes, correct " + majCorrect + ")");
        }
    }
}
