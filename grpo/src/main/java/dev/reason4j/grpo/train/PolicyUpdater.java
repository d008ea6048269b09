package dev.reason4j.grpo.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.objective.LossNormalizer;
import dev.reason4j.grpo.objective.PolicyLoss;
import dev.reason4j.grpo.objective.PolicyLossStats;
import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.grpo.optim.Gradients;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.model.DecoderModel;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns one scored batch into optimizer steps: μ passes, each split into minibatches (one AdamW step
 * each) of micro-batches whose gradients accumulate. The loss normaliser is the full batch's, so the
 * split does not change the objective. A step whose gradient norm is not finite is skipped and counted.
 */
public final class PolicyUpdater {
    private final DecoderModel model;
    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final PolicyLoss loss;
    private final UpdateConfig config;
    private int nonFiniteInARow;

    public PolicyUpdater(DecoderModel model, AdamW optimizer, LearningRateSchedule schedule, PolicyLoss loss, UpdateConfig config) {
        this.model = model;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.loss = loss;
        this.config = config;
        model.parameters().values().forEach(p -> p.setRequiresGradient(true));
    }

    /** What one batch's updates did. */
    public record Outcome(PolicyLossStats stats, double gradNorm, double learningRate, int optimizerSteps, int skippedSteps,
                          long tokens, double seconds) {
    }

    /**
     * @param batch      the completions' layout
     * @param advantages one per row
     * @param refLogProbs (B, L) reference log-probs, or null when β = 0
     * @param normalizer the full batch's
     * @param rng        orders rows within each pass (seeded by the trainer for exact resume)
     */
    public Outcome update(PolicyBatch batch, double[] advantages, float[] refLogProbs, LossNormalizer normalizer, SplittableRandom rng) {
        long start = System.nanoTime();
        PolicyLossStats total = PolicyLossStats.EMPTY;
        double lastNorm = 0;
        double lastLr = 0;
        int steps = 0;
        int skipped = 0;
        int miniBatch = config.miniBatchSize() == 0 ? batch.rows() : Math.min(config.miniBatchSize(), batch.rows());
        for (int pass = 0; pass < config.numIterations(); pass++) {
            int[] order = Permutations.of(batch.rows(), rng);
            for (int from = 0; from < order.length; from += miniBatch) {
                int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + miniBatch));
                Gradients.zero(model.parameters());
                for (int m = 0; m < rows.length; m += config.microBatchSize()) {
                    int[] micro = Arrays.copyOfRange(rows, m, Math.min(rows.length, m + config.microBatchSize()));
                    total = total.plus(accumulate(batch, micro, advantages, refLogProbs, normalizer.rows(micro)));
                }
                lastNorm = Gradients.clipGlobalNorm(model.parameters(), config.maxGradNorm());
                lastLr = schedule.lr(optimizer.stepCount());
                if (Double.isFinite(lastNorm)) {
                    optimizer.step(lastLr);
                    steps++;
                    nonFiniteInARow = 0;
                } else {
                    skipped++;
                    if (++nonFiniteInARow >= config.maxNonFiniteSteps()) {
                        throw new Reason4jException(nonFiniteInARow + " updates in a row had a non-finite gradient norm (" + lastNorm
                                + "); stopping. Lower the learning rate, or check rewards and the model for NaN. "
                                + "Checkpoints written so far are intact.");
                    }
                }
            }
        }
        Gradients.zero(model.parameters());
        long tokens = 0;
        for (double[] row : batch.mask()) {
            for (double v : row) {
                tokens += (long) v;
            }
        }
        return new Outcome(total, lastNorm, lastLr, steps, skipped, tokens * config.numIterations(), (System.nanoTime() - start) / 1e9);
    }

    /** Forward + backward of one micro-batch; gradients add onto the parameters'. */
    private PolicyLossStats accumulate(PolicyBatch batch, int[] rows, double[] advantages, float[] refLogProbs, LossNormalizer normalizer) {
        try (NDManager step = model.manager().newSubManager()) {
            PolicyBatch.Tensors t = batch.toDevice(step, rows);
            double[] adv = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                adv[i] = advantages[rows[i]];
            }
            NDArray ref = refLogProbs == null ? null : step.create(select(refLogProbs, rows, batch.length()), t.oldLogProbs().getShape());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logProbs = model.tokenLogProbs(t.tokens(), t.attention(), t.positions(), config.temperature()); // (b, L)
                PolicyLoss.Result result = loss.compute(logProbs, t.oldLogProbs(), ref, step.create(adv), t.mask(), normalizer);
                gc.backward(result.loss());
                return result.stats();
            }
        }
    }

    static float[] select(float[] values, int[] rows, int length) {
        float[] out = new float[rows.length * length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * length, out, i * length, length);
        }
        return out;
    }


    /** The parameters this updater trains (the model's). */
    public Map<String, NDArray> parameters() {
        return model.parameters();
    }
}
