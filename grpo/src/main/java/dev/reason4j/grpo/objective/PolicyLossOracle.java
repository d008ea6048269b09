package dev.reason4j.grpo.objective;

import dev.reason4j.core.Reason4jException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reference implementation of the batch loss and its exact gradient, in plain Java, written for
 * reading rather than speed. {@link PolicyLoss} (NDArray, autograd) is tested against it.
 *
 * <p>L = Σ_i w_i Σ_t m_{i,t} (ℓ^clip_{i,t} + β·KL_{i,t}), w_i from the {@link LossNormalizer}. Its
 * derivative with respect to logp_{i,t}:
 * <ul>
 *   <li>clip term, token ratio r = exp(logp − logp_old): w_i·m·(−A_i·r) where the clip does not bind,
 *       0 where it binds (A &gt; 0, r &gt; 1 + ε_high or A &lt; 0, r &lt; 1 − ε_low);</li>
 *   <li>clip term, sequence ratio s_i = exp(Σ_t m·(logp − logp_old) / n_i): every token of i carries
 *       the same ℓ(s_i), so ∂/∂logp_{i,u} = (Σ_t w_i m_{i,t})·(−A_i·s_i)·m_{i,u}/n_i where the clip does
 *       not bind, else 0;</li>
 *   <li>KL term: w_i·m·β·(1 − exp(logp_ref − logp)).</li>
 * </ul>
 */
public final class PolicyLossOracle {
    /**
     * @param loss     the scalar L
     * @param gradient (B, L) ∂L/∂logp_{i,t}
     * @param stats    the same measurements {@link PolicyLoss} reports
     */
    public record Result(double loss, double[][] gradient, PolicyLossStats stats) {
    }

    private PolicyLossOracle() {
    }

    public static Result evaluate(PolicyObjective objective, PolicyLossInputs in, LossNormalizer normalizer) {
        Objects.requireNonNull(objective, "objective");
        if (normalizer.size() != in.rows()) {
            throw new Reason4jException("the loss normaliser covers " + normalizer.size() + " completions but the "
                    + "inputs hold " + in.rows() + "; take the minibatch's rows of the full-batch normaliser");
        }
        if (objective.beta() > 0 && in.refLogProbs() == null) {
            throw new Reason4jException("beta is " + objective.beta() + " but no reference log-probs were given; "
                    + "load the reference model or set beta to 0");
        }
        Sums sums = new Sums(in.refLogProbs() != null);
        double[][] gradient = new double[in.rows()][in.length()];
        for (int i = 0; i < in.rows(); i++) {
            addCompletion(objective, in, i, normalizer.sequenceWeight(i), sums, gradient[i]);
        }
        double loss = objective.beta() > 0 ? sums.policy + objective.beta() * sums.kl : sums.policy;
        PolicyLossStats stats = new PolicyLossStats(loss, sums.policy, sums.hasReference ? sums.kl : Double.NaN,
                sums.tokens, sums.ratio, sums.low, sums.high, sums.hasReference ? sums.klTokens : Double.NaN);
        return new Result(loss, gradient, stats);
    }

    /** Adds completion i's terms to the sums and writes its row of the gradient. */
    private static void addCompletion(PolicyObjective objective, PolicyLossInputs in, int i, double weight,
                                      Sums sums, double[] gradient) {
        double[] mask = in.mask()[i];
        double[] ratios = ratios(objective.ratioLevel(), in.logProbs()[i], in.oldLogProbs()[i], mask);
        double advantage = in.advantages()[i];
        double sequenceRatioGradient = 0; // GSPO: Σ_t w·m·∂ℓ/∂log s_i
        int tokens = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            double r = ratios[t];
            boolean low = objective.clippedLow(r, advantage);
            boolean high = objective.clippedHigh(r, advantage);
            double dLossDLogRatio = low || high ? 0 : -advantage * r; // ℓ = −r·A when unclipped: dℓ/d log r = −A·r
            sums.policy += weight * objective.clippedSurrogate(r, advantage);
            sums.tokens++;
            sums.ratio += r;
            sums.low += low ? 1 : 0;
            sums.high += high ? 1 : 0;
            tokens++;
            if (objective.ratioLevel() == RatioLevel.TOKEN) {
                gradient[t] += weight * dLossDLogRatio;
            } else {
                sequenceRatioGradient += weight * dLossDLogRatio;
            }
            if (sums.hasReference) {
                addKl(objective, in.logProbs()[i][t], in.refLogProbs()[i][t], weight, sums, gradient, t);
            }
        }
        for (int t = 0; t < mask.length && tokens > 0; t++) {
            gradient[t] += mask[t] * sequenceRatioGradient / tokens; // ∂ log s_i / ∂ logp_{i,t} = m_t / n_i
        }
    }

    private static void addKl(PolicyObjective objective, double logProb, double refLogProb, double weight,
                              Sums sums, double[] gradient, int t) {
        double kl = PolicyObjective.k3(logProb, refLogProb);
        sums.kl += weight * kl;
        sums.klTokens += kl;
        gradient[t] += objective.beta() * weight * (1 - Math.exp(refLogProb - logProb)); // d k3 / d logp
    }

    /** The ratio at each token of one completion: per token, or GSPO's one sequence ratio everywhere. */
    static double[] ratios(RatioLevel level, double[] logProbs, double[] oldLogProbs, double[] mask) {
        double[] ratios = new double[logProbs.length];
        if (level == RatioLevel.TOKEN) {
            for (int t = 0; t < ratios.length; t++) {
                ratios[t] = Math.exp(logProbs[t] - oldLogProbs[t]);
            }
            return ratios;
        }
        double sum = 0;
        double n = 0;
        for (int t = 0; t < ratios.length; t++) {
            sum += mask[t] * (logProbs[t] - oldLogProbs[t]);
            n += mask[t];
        }
        Arrays.fill(ratios, Math.exp(sum / Math.max(n, 1)));
        return ratios;
    }

    /** Running sums over unmasked tokens. */
    private static final class Sums {
        final boolean hasReference;
        double policy;
        double kl;
        double tokens;
        double ratio;
        double low;
        double high;
        double klTokens;

        Sums(boolean hasReference) {
            this.hasReference = hasReference;
        }
    }
}
