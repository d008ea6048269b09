package dev.reason4j.grpo.train;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.PolicyObjective;
import dev.reason4j.grpo.objective.RatioLevel;
import dev.reason4j.grpo.optim.AdamWConfig;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete tiny GRPO run whose reward is a simple property of the output: the fraction of
 * completion tokens with an even id (chance: one half). Used by the learning and resume tests.
 */
final class TinyRun {
    static final int NEW_TOKENS = 4;

    private TinyRun() {
    }

    /** Writes the initial model (tokenizer + random weights) into {@code dir}. */
    static void initModel(Path dir) {
        SyntheticTokenizer.write(dir);
        try (Tokenizer t = Tokenizer.load(dir)) {
            ModelConfig config = ModelConfig.create(ModelFamily.QWEN2, t.vocabSize(), 32, 64, 1, 4, 2, 8, 1_000_000, true, 256, -1, List.of());
            try (DecoderModel m = ModelInit.random(config, 3, 0.1, Device.cpu(), DataType.FLOAT32)) {
                ModelIo.save(m, dir, null);
            }
        }
    }

    static TrainerSettings settings(int steps, double beta, int iterations, double lr) {
        SamplingParams sampling = new SamplingParams(1.0, 0, 1.0, 0.0, NEW_TOKENS, List.of(), 0, true);
        return new TrainerSettings(steps, 8, 8, sampling, AdvantageScaling.GROUP,
                new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.28, beta), LossAggregation.TOKEN_MEAN, false, false, 1,
                new UpdateConfig(iterations, 0, 32, 1.0, 1.0, 3), AdamWConfig.defaults().withWeightDecay(0.0),
                LearningRateSchedule.constant(lr), 1234, 0, 5, 2);
    }

    static List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            out.add(Problem.math("p" + i, Prompt.text("Q" + i + ":"), "0", Map.of()));
        }
        return out;
    }

    /** Fraction of even token ids in each completion; {@code sign} −1 flips every advantage. */
    static GroupScorer evenTokens(double sign) {
        return groups -> {
            double[][] total = new double[groups.size()][];
            boolean[][] correct = new boolean[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                total[g] = new double[group.size()];
                correct[g] = new boolean[group.size()];
                for (int i = 0; i < group.size(); i++) {
                    double f = evenFraction(group.completions().get(i));
                    total[g][i] = sign * f;
                    correct[g][i] = f == 1.0;
                }
            }
            return new GroupScorer.Scores(total, Map.of("even", total), correct, 0);
        };
    }

    static double evenFraction(Completion c) {
        int even = 0;
        for (int id : c.completionIds()) {
            even += id % 2 == 0 ? 1 : 0;
        }
        return (double) even / c.length();
    }

    /** Builds a trainer over the model in modelDir, resuming from runDir's checkpoints when present. */
    static GrpoTrainer trainer(DecoderModel policy, Tokenizer tokenizer, Path modelDir, Path runDir, TrainerSettings s,
                               GroupScorer scorer, ReferencePolicy reference) {
        LocalRolloutEngine engine = new LocalRolloutEngine(policy, tokenizer, RolloutOptions.DEFAULTS);
        return new GrpoTrainer(policy, reference, modelDir, new PromptEncoder(tokenizer), engine, scorer,
                new ProblemStream(problems(), s.seed()), s, runDir, null);
    }
}
