package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * One judged sample, as a row of {@code results.jsonl} writes it.
 *
 * @param text         the completion as the model wrote it
 * @param extracted    the answer read from it ("" when none)
 * @param correct      the verifier said correct
 * @param verdict      the verdict kind, lower case ({@code correct}, {@code wrong_answer}, {@code no_answer}…)
 * @param reason       the verifier's one-sentence reason
 * @param finishReason {@code stop} or {@code length}; null when unknown (completions scored from a file)
 * @param length       completion tokens; null when unknown
 * @param formatR1     the response has the {@code <think>…</think><answer>…</answer>} layout
 * @param answerFound  an answer could be extracted
 */
public record SampleResult(String text, String extracted, boolean correct, String verdict, String reason,
                           @JsonProperty("finish_reason") String finishReason, Integer length,
                           @JsonProperty("format_r1") boolean formatR1, @JsonProperty("answer_found") boolean answerFound) {
    public SampleResult {
        Objects.requireNonNull(text, "SampleResult.text");
        extracted = extracted == null ? "" : extracted;
        Objects.requireNonNull(verdict, "SampleResult.verdict");
        reason = reason == null ? "" : reason;
        if (length != null && length < 0) {
            throw new IllegalArgumentException("SampleResult.length must be ≥ 0, got " + length);
        }
    }

    /** @param finishReason {@code stop}, {@code length} or null; @param length tokens or null */
    public static SampleResult of(String text, Judgement judgement, String finishReason, Integer length) {
        return new SampleResult(text, judgement.answer(), judgement.correct(),
                judgement.verdict().kind().name().toLowerCase(Locale.ROOT), judgement.verdict().reason(), finishReason, length,
                judgement.r1Layout(), judgement.answerFound());
    }

    /** Whether it stopped at the token limit. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }

    /** False when the verifier could not judge it (unusable reference, checker or sandbox failure). */
    public boolean judged() {
        return !verdict.equals("not_applicable") && !verdict.equals("infrastructure_failure");
    }
}
