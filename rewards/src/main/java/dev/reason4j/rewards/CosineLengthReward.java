package dev.reason4j.rewards;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.math.MathVerifier;
import java.util.Objects;
import java.util.Set;

/**
 * Length-aware correctness, the cosine reward of "Demystifying Long Chain-of-Thought Reasoning in
 * LLMs" (Yeo et al. 2025, §4.1) and open-r1's {@code cosine_scaled_reward}: a correct answer earns
 * more the shorter it is, a wrong one is penalised less the longer it reasons.
 *
 * <pre>
 *   r = r_min + (r_max − r_min) · (1 + cos(π · L / L_max)) / 2
 *   correct: (r_min, r_max) = (correct_at_max, correct_at_zero)
 *   wrong:   (r_min, r_max) = (wrong_at_max,   wrong_at_zero)
 * </pre>
 *
 * L is the completion's length in tokens, clamped to L_max (open-r1 measures characters and lets
 * the cosine rise again past L_max). Correctness is the {@link MathVerifier}'s, as for
 * {@link AccuracyReward}: a limit or time-out is wrong; NaN when the problem has no usable reference
 * answer or the checker fails. A truncated completion usually has no answer and so gets
 * {@code wrong_at_max}, the mildest penalty: pair this with {@link SoftOverlongPunishment}.
 *
 * <p>Parameters (open-r1's defaults): {@code correct_at_zero} (1.0), {@code correct_at_max} (0.5),
 * {@code wrong_at_zero} (−1.0), {@code wrong_at_max} (−0.5), {@code max_length} (1000 tokens; set
 * it to the rollout's max new tokens).
 */
public final class CosineLengthReward implements CompletionReward {
    public static final String NAME = "cosine";

    /**
     * @param correctAtZero reward of a correct answer of length 0
     * @param correctAtMax  reward of a correct answer of length L_max
     * @param wrongAtZero   reward of a wrong answer of length 0
     * @param wrongAtMax    reward of a wrong answer of length L_max
     * @param maxLength     L_max, in tokens
     */
    public record Config(double correctAtZero, double correctAtMax, double wrongAtZero, double wrongAtMax, int maxLength) {
        public Config {
            for (double v : new double[] {correctAtZero, correctAtMax, wrongAtZero, wrongAtMax}) {
                if (!Double.isFinite(v)) {
                    throw new Reason4jException("cosine: correct_at_zero, correct_at_max, wrong_at_zero and wrong_at_max must be finite, got "
                            + correctAtZero + ", " + correctAtMax + ", " + wrongAtZero + ", " + wrongAtMax);
                }
            }
            if (Math.min(correctAtZero, correctAtMax) <= Math.max(wrongAtZero, wrongAtMax)) {
                throw new Reason4jException("cosine: every correct value must be above every wrong value, got correct "
                        + correctAtZero + "/" + correctAtMax + " and wrong " + wrongAtZero + "/" + wrongAtMax
                        + " (defaults 1.0/0.5 and -1.0/-0.5)");
            }
            if (maxLength < 1) {
                throw new Reason4jException("cosine: max_length must be at least 1 token, got " + maxLength
                        + "; set it to the rollout's max new tokens");
            }
        }

        public static Config defaults() {
            return new Config(1.0, 0.5, -1.0, -0.5, 1000);
        }
    }

    private final MathVerifier verifier;
    private final Config config;

    public CosineLengthReward(MathVerifier verifier, Config config) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.config = Objects.requireNonNull(config, "config");
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("correct_at_zero", "correct_at_max", "wrong_at_zero", "wrong_at_max", "max_length"), p -> {
            Config d = Config.defaults();
            return new CosineLengthReward(new MathVerifier(), new Config(p.number("correct_at_zero", d.correctAtZero()),
                    p.number("correct_at_max", d.correctAtMax()), p.number("wrong_at_zero", d.wrongAtZero()),
                    p.number("wrong_at_max", d.wrongAtMax()), p.integer("max_length", d.maxLength())));
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        return switch (Judgement.ofMath(verifier, problem, completion)) {
            case CORRECT -> value(true, completion.length());
            case WRONG -> value(false, completion.length());
            case NOT_APPLICABLE -> Double.NaN;
        };
    }

    /** A time-out or crash of the checker counts as a wrong answer of this length. */
    @Override
    public double failureValue(Problem problem, Completion completion) {
        return value(false, completion.length());
    }

    /** The cosine schedule at {@code length} tokens. */
    double value(boolean correct, int length) {
        double atZero = correct ? config.correctAtZero() : config.wrongAtZero();
        double atMax = correct ? config.correctAtMax() : config.wrongAtMax();
        double progress = Math.min(length, config.maxLength()) / (double) config.maxLength();
        return atMax + (atZero - atMax) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
