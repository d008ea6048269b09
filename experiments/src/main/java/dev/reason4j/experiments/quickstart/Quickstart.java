package dev.reason4j.experiments.quickstart;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Problem;
import dev.reason4j.datasets.Split;
import dev.reason4j.datasets.Splits;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.experiments.eval.EvalFiles;
import dev.reason4j.experiments.eval.EvalResults;
import dev.reason4j.experiments.eval.EvalSettings;
import dev.reason4j.experiments.eval.Evaluator;
import dev.reason4j.experiments.eval.ProblemJudge;
import dev.reason4j.experiments.eval.TokenizerPromptEncoder;
import dev.reason4j.experiments.report.RunReport;
import dev.reason4j.experiments.run.RewardGroupScorer;
import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.PolicyObjective;
import dev.reason4j.grpo.objective.RatioLevel;
import dev.reason4j.grpo.optim.AdamWConfig;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.grpo.sft.SftExample;
import dev.reason4j.grpo.sft.SftSettings;
import dev.reason4j.grpo.sft.SftTrainer;
import dev.reason4j.grpo.train.GrpoTrainer;
import dev.reason4j.grpo.train.ProblemStream;
import dev.reason4j.grpo.train.PromptEncoder;
import dev.reason4j.grpo.train.TrainerSettings;
import dev.reason4j.grpo.train.TrainingListener;
import dev.reason4j.grpo.train.UpdateConfig;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rewards.RewardSpec;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job on embedded defaults: a small base model made by init + a warm start with deliberate
 * slips, evaluated on held-out chains, trained with GRPO on correctness + format rewards only, and
 * evaluated again; the run directory gets metrics, checkpoints, eval results and a report.
 */
public final class Quickstart {
    private static final Logger LOG = LoggerFactory.getLogger(Quickstart.class);

    private final QuickstartSettings s;
    private final Path runDir;
    private final TrainingListener progress;

    public Quickstart(QuickstartSettings settings, Path runDir, TrainingListener progress) {
        this.s = settings;
        this.runDir = runDir;
        this.progress = progress;
    }

    /** What the quickstart prints as its last line. */
    public record Result(double accuracyBefore, double accuracyAfter, double formatBefore, double formatAfter,
                         Double greedyBefore, Double greedyAfter, Map<Integer, Double> passAtKBefore, Map<Integer, Double> passAtKAfter,
                         double wallSeconds, Path report) {
    }

    public Result run() {
        long start = System.nanoTime();
        Path modelDir = runDir.resolve("base-model");
        ChainTask task = new ChainTask(s.terms());
        Split split = Splits.withoutLeaks(task.problems(s.trainProblems(), s.seed() + 1, "train-"),
                task.problems(s.heldOut(), s.seed() + 2, "heldout-"));
        LOG.info("{} training problems, {} held out ({} training duplicates of held-out problems dropped)",
                split.train().size(), split.heldOut().size(), split.droppedFromTrain());
        writeHeldOut(split.heldOut());
        SyntheticTokenizer.write(modelDir);
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel model = ModelInit.random(config(tokenizer), s.seed(), 0.02, Device.cpu(), DataType.FLOAT32)) {
            warmStart(model, tokenizer, task, split.train());
            ModelIo.save(model, modelDir, null);
            LocalRolloutEngine engine = new LocalRolloutEngine(model, tokenizer, RolloutOptions.DEFAULTS);
            EvalResults before = evaluate(engine, tokenizer, split.heldOut(), "before");
            train(model, tokenizer, modelDir, engine, split.train());
            EvalResults after = evaluate(engine, tokenizer, split.heldOut(), "after");
            Path report = RunReport.write(runDir);
            return new Result(before.summary().passAt1(), after.summary().passAt1(), before.summary().formatR1(),
                    after.summary().formatR1(), before.summary().greedyAccuracy(), after.summary().greedyAccuracy(),
                    before.summary().passAtK(), after.summary().passAtK(), (System.nanoTime() - start) / 1e9, report);
        }
    }

    /** The held-out problems as {id, prompt, answer} rows, so `eval --data` can score any checkpoint on them later. */
    private void writeHeldOut(List<Problem> heldOut) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : heldOut) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("prompt", p.prompt().text());
            row.put("answer", p.answer());
            sb.append(EvalFiles.line(row)).append('\n');
        }
        try {
            java.nio.file.Files.createDirectories(runDir);
            java.nio.file.Files.writeString(runDir.resolve("heldout.jsonl"), sb.toString());
        } catch (java.io.IOException e) {
            throw new dev.reason4j.core.Reason4jException("cannot write " + runDir.resolve("heldout.jsonl") + ": " + e.getMessage(), e);
        }
    }

    private ModelConfig config(Tokenizer tokenizer) {
        return ModelConfig.create(ModelFamily.QWEN2, tokenizer.vocabSize(), s.hidden(), 3 * s.hidden(), s.layers(), 4, 2,
                s.hidden() / 4, 1_000_000, true, 512, -1, tokenizer.eosTokenIds());
    }

    private void warmStart(DecoderModel model, Tokenizer tokenizer, ChainTask task, List<Problem> train) {
        SplittableRandom slips = new SplittableRandom(s.seed() + 3);
        int eos = tokenizer.eosTokenIds().get(0);
        List<SftExample> examples = new ArrayList<>();
        for (Problem p : train.subList(0, Math.min(s.sftExamples(), train.size()))) {
            int[] response = tokenizer.encode(task.warmStartResponse(p, slips, s.slipRate(), s.directRate()), false);
            int[] withEos = Arrays.copyOf(response, response.length + 1);
            withEos[response.length] = eos;
            examples.add(new SftExample(tokenizer.encode(p.prompt().text(), false), withEos));
        }
        LOG.info("warm start: {} examples × {} epochs, slip rate {}, direct-answer rate {}", examples.size(), s.sftEpochs(),
                s.slipRate(), s.directRate());
        int steps = (examples.size() + 63) / 64 * s.sftEpochs();
        double[] loss = new SftTrainer(model, new SftSettings(s.sftEpochs(), 64, s.sftLearningRate(), Math.min(20, steps / 10), 1.0, 0.0,
                s.seed() + 4))
                .train(examples, null);
        LOG.info("warm start loss per epoch: {}", Arrays.toString(loss));
    }

    private EvalResults evaluate(LocalRolloutEngine engine, Tokenizer tokenizer, List<Problem> heldOut, String label) {
        EvalSettings settings = EvalSettings.r1(PromptTemplates.named("plain"), s.evalK(), s.maxNewTokens(), s.seed() + 5)
                .withGreedy(true).withProblemsPerBatch(64);
        try (ProblemJudge judge = new ProblemJudge()) {
            EvalResults results = new Evaluator(engine, new TokenizerPromptEncoder(tokenizer), judge).evaluate(heldOut, settings);
            EvalFiles.write(runDir.resolve("eval").resolve(label), results);
            LOG.info("eval {}: pass@1 {} format {}", label, results.summary().passAt1(), results.summary().formatR1());
            return results;
        }
    }

    private void train(DecoderModel model, Tokenizer tokenizer, Path modelDir, LocalRolloutEngine engine, List<Problem> train) {
        SamplingParams sampling = new SamplingParams(1.0, 0, 1.0, 0.0, s.maxNewTokens(), List.of(), s.seed());
        TrainerSettings settings = new TrainerSettings(s.grpoSteps(), s.problemsPerStep(), s.groupSize(), sampling, AdvantageScaling.GROUP,
                new PolicyObjective(RatioLevel.TOKEN, 0.2, 0.28, 0.0), LossAggregation.TOKEN_MEAN, false, false, 1,
                new UpdateConfig(1, 0, 64, 1.0, 1.0, 3), AdamWConfig.defaults().withWeightDecay(0.0),
                LearningRateSchedule.constant(s.learningRate()), s.seed() + 6, 0, 0, 2);
        List<RewardSpec> rewards = List.of(RewardSpec.of("accuracy", 1.0),
                new RewardSpec("format", 0.5, Map.of("think_opened_in_prompt", true)));
        try (RewardGroupScorer scorer = RewardGroupScorer.create(rewards);
             GrpoTrainer trainer = new GrpoTrainer(model, null, modelDir, new PromptEncoder(tokenizer), engine, scorer,
                     new ProblemStream(train, s.seed() + 7), settings, runDir, progress)) {
            trainer.run();
        }
    }

    /** The JSON line the quickstart ends with. */
    public static Map<String, Object> summaryLine(Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy_before", r.accuracyBefore());
        out.put("accuracy_after", r.accuracyAfter());
        out.put("format_before", r.formatBefore());
        out.put("format_after", r.formatAfter());
        out.put("greedy_before", r.greedyBefore());
        out.put("greedy_after", r.greedyAfter());
        out.put("pass_at_k_before", r.passAtKBefore());
        out.put("pass_at_k_after", r.passAtKAfter());
        out.put("wall_s", r.wallSeconds());
        out.put("report", r.report().toString());
        return out;
    }
}
