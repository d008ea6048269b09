package dev.reason4j.grpo.sft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.grpo.optim.DecayPolicy;
import dev.reason4j.grpo.optim.Gradients;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.grpo.train.Permutations;
import dev.reason4j.grpo.train.PolicyBatch;
import dev.reason4j.model.DecoderModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Teacher-forced training on prompt/response pairs: the loss is the mean negative log-likelihood of
 * the response tokens of a batch (prompt tokens carry none). This is how the quickstart makes a base
 * model that can sometimes, not always, solve its task.
 */
public final class SftTrainer {
    private final DecoderModel model;
    private final SftSettings settings;

    public SftTrainer(DecoderModel model, SftSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** Per-epoch mean response-token loss. {@code onStep} hears each optimizer step's index. */
    public double[] train(List<SftExample> examples, LongConsumer onStep) {
        if (examples.isEmpty()) {
            throw new Reason4jException("SFT needs at least one example");
        }
        model.parameters().values().forEach(p -> p.setRequiresGradient(true));
        long stepsPerEpoch = (examples.size() + settings.batchSize() - 1) / settings.batchSize();
        long total = stepsPerEpoch * settings.epochs();
        LearningRateSchedule schedule = LearningRateSchedule.cosineWithWarmup(settings.learningRate(), settings.warmupSteps(), total,
                settings.learningRate() * 0.1);
        double[] epochLoss = new double[settings.epochs()];
        try (AdamW optimizer = new AdamW(model.parameters(),
                dev.reason4j.grpo.optim.AdamWConfig.defaults().withWeightDecay(settings.weightDecay()), DecayPolicy.exceptNormsAndBiases())) {
            SplittableRandom rng = new SplittableRandom(settings.seed());
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                int[] order = Permutations.of(examples.size(), rng);
                double lossSum = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + settings.batchSize()));
                    lossSum += step(examples, rows) * rows.length;
                    double norm = Gradients.clipGlobalNorm(model.parameters(), settings.maxGradNorm());
                    if (Double.isFinite(norm)) {
                        optimizer.step(schedule.lr(optimizer.stepCount()));
                    }
                    Gradients.zero(model.parameters());
                    if (onStep != null) {
                        onStep.accept(optimizer.stepCount());
                    }
                }
                epochLoss[epoch] = lossSum / examples.size();
            }
        }
        return epochLoss;
    }

    /** One batch's forward and backward; returns its mean response-token loss. */
    private double step(List<SftExample> examples, int[] rows) {
        List<Completion> batch = new ArrayList<>();
        for (int r : rows) {
            SftExample e = examples.get(r);
            batch.add(new Completion(e.promptIds(), e.responseIds(), "", new float[e.responseIds().length], FinishReason.STOP));
        }
        PolicyBatch layout = PolicyBatch.of(batch, null);
        int[] all = new int[rows.length];
        Arrays.setAll(all, i -> i);
        try (NDManager m = model.manager().newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            PolicyBatch.Tensors t = layout.toDevice(m, all);
            NDArray logProbs = model.tokenLogProbs(t.tokens(), t.attention(), t.positions(), 1.0); // (B, L)
            NDArray loss = logProbs.mul(t.mask()).sum().neg().div(t.mask().sum());
            gc.backward(loss);
            return loss.getFloat();
        }
    }

}
