package dev.reason4j.experiments.run;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.LoadedConfig;
import dev.reason4j.experiments.report.RunReport;
import dev.reason4j.grpo.train.GrpoTrainer;
import dev.reason4j.grpo.train.ProblemStream;
import dev.reason4j.grpo.train.PromptEncoder;
import dev.reason4j.grpo.train.ReferencePolicy;
import dev.reason4j.grpo.train.TrainingListener;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.RolloutEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GRPO experiment end to end: run directory and resolved config, data and split, the starting
 * model (path, or init; then the SFT warm start when configured), engine, rewards, reference (β &gt; 0),
 * evaluation before, the trainer (resumed from the run's checkpoints when asked), evaluation after, and
 * the report. Progress goes to the given stream; the result is the run's summary.
 */
public final class TrainRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainRun.class);

    private final LoadedConfig loaded;
    private final ExperimentConfig c;
    private final PrintWriter progress;
    private final RunEvaluators evaluators;
    private final ProgressBar grpoProgress;

    public TrainRun(LoadedConfig loaded, PrintWriter progress, RunEvaluators evaluators) {
        this.loaded = loaded;
        this.c = loaded.config();
        this.progress = progress;
        this.evaluators = evaluators;
        this.grpoProgress = ProgressBar.forStderr(progress, "grpo");
    }

    /**
     * Runs the experiment.
     *
     * @param resume continue from the run directory's newest checkpoint; without it a run directory
     *               that has checkpoints is refused
     * @return {@code run_dir}, {@code steps}, {@code resumed_from}, {@code metrics} (the last step's),
     *         {@code eval_before}, {@code eval_after}, {@code reward_failures}, {@code report}
     */
    public Map<String, Object> execute(boolean resume) {
        Device device = Devices.parse(c.device());
        ExperimentData data = ExperimentData.load(c, loaded.locations());
        LOG.info("Data: {} training and {} held-out problems from {} ({} training duplicates of held-out prompts dropped)",
                data.train().size(), data.heldOut().size(), data.source(), data.droppedFromTrain());
        Path runDir = RunDirectory.prepare(loaded, resume);
        boolean hasCheckpoint = RunDirectory.newestCheckpoint(runDir).isPresent();
        Path start = startingModel(runDir, data, device, hasCheckpoint);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run_dir", runDir.toString());
        try (Tokenizer tokenizer = Tokenizer.load(start);
             DecoderModel policy = ModelIo.load(start, device, DataType.FLOAT32);
             ReferencePolicy reference = c.grpo().beta() > 0 ? new ReferencePolicy(policy.copy()) : null;
             RewardGroupScorer scorer = RewardGroupScorer.create(c.rewardSpecs());
             RolloutEngine engine = RolloutEngines.create(c, policy, tokenizer, start);
             RunEvaluator evaluator = data.heldOut().isEmpty() ? RunEvaluator.NONE
                     : evaluators.create(c, data, tokenizer, engine, runDir)) {
            if (c.grpo().steps() == 0 || data.train().isEmpty()) {
                result.put("steps", 0);
                result.put("eval_before", evaluator.evaluate("before"));
            } else {
                try (GrpoTrainer trainer = new GrpoTrainer(policy, reference, start, new PromptEncoder(tokenizer), engine, scorer,
                        new ProblemStream(data.train(), c.seed()), TrainerSettingsFactory.of(c), runDir, listener(evaluator))) {
                    train(trainer, engine, evaluator, resume, result);
                }
            }
            result.put("reward_failures", scorer.failures());
        }
        result.put("metrics", MetricsFile.lastTrainingStep(runDir.resolve("metrics.jsonl")));
        result.put("report", RunReport.write(runDir).toString());
        return result;
    }

    private void train(GrpoTrainer trainer, RolloutEngine engine, RunEvaluator evaluator, boolean resume, Map<String, Object> result) {
        if (engine instanceof CheckpointFollowingEngine following) {
            following.follow(() -> trainer.checkpoints().latest());
        }
        long resumedFrom = resume ? trainer.resumeIfPossible() : 0;
        result.put("resumed_from", resumedFrom);
        if (resumedFrom == 0) {
            result.put("eval_before", evaluator.evaluate("before"));
        }
        grpoProgress.restart();
        trainer.run();
        result.put("steps", trainer.step());
        result.put("eval_after", evaluator.evaluate("after"));
        trainer.checkpoints().latest().ifPresent(latest -> result.put("checkpoint", latest.dir().toString()));
    }

    /**
     * The model the policy starts from: the base model, or the warm-started one. The warm start runs
     * once per run directory (its result is kept in {@code sft-model/}); never when resuming from a
     * checkpoint, whose weights replace the starting ones anyway.
     */
    private Path startingModel(Path runDir, ExperimentData data, Device device, boolean hasCheckpoint) {
        Path base = PolicyModels.baseModelDir(c, runDir);
        if (c.sft() == null) {
            return base;
        }
        Path sftDir = runDir.resolve(SftRun.SFT_MODEL);
        if (Files.isRegularFile(sftDir.resolve("config.json"))) {
            LOG.info("Using the warm-started model already in {}", sftDir);
            return sftDir;
        }
        if (hasCheckpoint) {
            return base;
        }
        ProgressBar bar = ProgressBar.forStderr(progress, "sft");
        long total = SftRun.optimizerSteps(c.sft(), data.train().size());
        SftRun.Result sft = SftRun.run(c, base, data.train(), sftDir, device, step -> bar.step(step, Math.max(step, total), Map.of()));
        LOG.info("SFT warm start done: epoch losses {}", java.util.Arrays.toString(sft.epochLoss()));
        return sftDir;
    }

    private TrainingListener listener(RunEvaluator evaluator) {
        return new TrainingListener() {
            @Override
            public void onStep(long step, long totalSteps, Map<String, Object> metrics) {
                grpoProgress.step(step, totalSteps, metrics);
            }

            @Override
            public Map<String, Double> evaluate(long step) {
                return evaluator.evaluate("step-" + step);
            }
        };
    }
}
