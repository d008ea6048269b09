package dev.reason4j.grpo.train;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.checkpoint.Checkpoint;
import dev.reason4j.grpo.checkpoint.CheckpointContents;
import dev.reason4j.grpo.checkpoint.CheckpointStore;
import dev.reason4j.grpo.checkpoint.TrainerState;
import dev.reason4j.grpo.objective.CompletionMasks;
import dev.reason4j.grpo.objective.GroupRelativeAdvantages;
import dev.reason4j.grpo.objective.LossNormalizer;
import dev.reason4j.grpo.objective.PolicyLoss;
import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GRPO loop. Each step: draw problems → sample G completions each → score → (dynamic sampling) →
 * group-relative advantages → μ passes of clipped-objective updates → metrics → eval → checkpoint.
 * It orchestrates; every piece it calls is its own small, tested part.
 *
 * <p>Everything random is derived from (seed, step, slot), so the only state a resume needs is the
 * step, the data position, the weights and the optimizer: a resumed run repeats the uninterrupted one.
 */
public final class GrpoTrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrpoTrainer.class);

    private final DecoderModel policy;
    private final ReferencePolicy reference;
    private final Path modelSourceDir;
    private final PromptEncoder prompts;
    private final RolloutEngine engine;
    private final GroupScorer scorer;
    private final ProblemStream data;
    private final TrainerSettings settings;
    private final AdamW optimizer;
    private final PolicyUpdater updater;
    private final CheckpointStore checkpoints;
    private final Path runDir;
    private final TrainingListener listener;
    private UnaryOperator<CheckpointContents> checkpointWrapper = UnaryOperator.identity();
    private long step;

    public GrpoTrainer(DecoderModel policy, ReferencePolicy reference, Path modelSourceDir, PromptEncoder prompts, RolloutEngine engine,
                       GroupScorer scorer, ProblemStream data, TrainerSettings settings, Path runDir, TrainingListener listener) {
        if (settings.objective().beta() > 0 && reference == null) {
            throw new Reason4jException("grpo.beta > 0 needs a reference model; set beta: 0 to train without the KL term");
        }
        this.policy = policy;
        this.reference = reference;
        this.modelSourceDir = modelSourceDir;
        this.prompts = prompts;
        this.engine = engine;
        this.scorer = scorer;
        this.data = data;
        this.settings = settings;
        this.optimizer = new AdamW(policy.parameters(), settings.optimizer(), dev.reason4j.grpo.optim.DecayPolicy.exceptNormsAndBiases());
        this.updater = new PolicyUpdater(policy, optimizer, settings.schedule(), new PolicyLoss(settings.objective()), settings.update());
        this.checkpoints = CheckpointStore.forRun(runDir, settings.keepLast());
        this.runDir = runDir;
        this.listener = listener == null ? new TrainingListener() { } : listener;
    }

    /** Continues from the newest complete checkpoint, if there is one; returns its step (or 0). */
    public long resumeIfPossible() {
        var latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return 0;
        }
        Checkpoint c = latest.get().verify();
        try (DecoderModel saved = c.loadModel(policy.manager().getDevice(), policy.dataType())) {
            saved.parameters().forEach((name, p) -> policy.parameters().get(name).set(p.toByteBuffer()));
        }
        c.restoreOptimizer(optimizer);
        TrainerState state = c.trainerState();
        step = state.step();
        data.seek(state.dataPosition());
        LOG.info("Resumed from {} (step {}, data position {})", c.dir(), step, state.dataPosition());
        return step;
    }

    /** Runs until {@link TrainerSettings#steps()}; metrics go to runDir/metrics.jsonl. */
    public void run() {
        try (MetricsWriter metrics = MetricsWriter.open(runDir.resolve("metrics.jsonl"), step);
             MetricsWriter samples = MetricsWriter.open(runDir.resolve("samples.jsonl"), step)) {
            while (step < settings.steps()) {
                long s = step + 1;
                Map<String, Object> row = trainStep(s, samples);
                metrics.write(row);
                step = s;
                listener.onStep(s, settings.steps(), row);
                boolean evalNow = settings.evalEvery() > 0 && s % settings.evalEvery() == 0;
                boolean checkpointNow = evalNow || s == settings.steps()
                        || (settings.checkpointEvery() > 0 && s % settings.checkpointEvery() == 0);
                Map<String, Double> eval = evalNow ? listener.evaluate(s) : Map.of();
                if (!eval.isEmpty()) {
                    Map<String, Object> evalRow = new LinkedHashMap<>();
                    evalRow.put("step", s);
                    evalRow.put("event", "eval");
                    eval.forEach((k, v) -> evalRow.put("eval/" + k, v));
                    metrics.write(evalRow);
                }
                if (checkpointNow) {
                    Checkpoint c = checkpoints.save(s, checkpointWrapper.apply(CheckpointContents.of(policy, modelSourceDir, optimizer,
                            TrainerState.of(s, new long[] {settings.seed()}, data.position()))));
                    if (eval.containsKey("pass@1")) {
                        checkpoints.offerBest(c, "eval/pass@1", eval.get("pass@1"), true);
                    }
                }
            }
        }
    }

    private Map<String, Object> trainStep(long s, MetricsWriter samples) {
        long start = System.nanoTime();
        Batch batch = sampleBatch(s);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", s);
        row.putAll(BatchStatistics.of(batch.groups, batch.scores));
        row.put("groups_kept", batch.kept.size());
        row.put("sampling_rounds", batch.rounds);
        row.put("rollout_tokens_per_s", batch.generatedTokens / Math.max(1e-9, batch.rolloutSeconds));
        row.put("time/rollout", batch.rolloutSeconds);
        row.put("time/reward", batch.rewardSeconds);
        if (batch.kept.isEmpty()) {
            LOG.warn("step {}: every group had equal rewards; no update this step", s);
            row.put("optimizer_steps", 0);
        } else {
            update(s, batch, row);
        }
        SampleLog.write(samples, s, batch.groups, batch.scores, prompts);
        row.put("learning_rate", settings.schedule().lr(optimizer.stepCount()));
        row.put("peak_memory_mb", PeakMemory.megabytes());
        row.put("time/step", (System.nanoTime() - start) / 1e9);
        return row;
    }

    private void update(long s, Batch batch, Map<String, Object> row) {
        List<Completion> completions = new ArrayList<>();
        List<Double> advantages = new ArrayList<>();
        double[][] keptRewards = new double[batch.kept.size()][];
        for (int k = 0; k < batch.kept.size(); k++) {
            keptRewards[k] = batch.scores.total()[batch.kept.get(k)];
        }
        double[][] adv = new GroupRelativeAdvantages(settings.scaling()).compute(keptRewards);
        for (int k = 0; k < batch.kept.size(); k++) {
            List<Completion> cs = batch.groups.get(batch.kept.get(k)).completions();
            for (int i = 0; i < cs.size(); i++) {
                completions.add(cs.get(i));
                advantages.add(adv[k][i]);
            }
        }
        boolean[] truncated = new boolean[completions.size()];
        for (int i = 0; i < truncated.length; i++) {
            truncated[i] = settings.maskTruncated() && completions.get(i).truncated();
        }
        PolicyBatch policyBatch = PolicyBatch.of(completions, truncated);
        double[][] mask = policyBatch.mask();
        LossNormalizer normalizer = LossNormalizer.forBatch(settings.aggregation(), mask, settings.sampling().maxNewTokens());
        long refStart = System.nanoTime();
        float[] ref = reference == null ? null : reference.logProbs(policyBatch, settings.update().temperature(), settings.update().microBatchSize());
        row.put("time/reference", (System.nanoTime() - refStart) / 1e9);
        double[] a = advantages.stream().mapToDouble(Double::doubleValue).toArray();
        PolicyUpdater.Outcome out = updater.update(policyBatch, a, ref, normalizer, new SplittableRandom(settings.seed() * 31 + s));
        row.put("loss", out.stats().loss());
        row.put("policy_loss", out.stats().policyLoss());
        row.put("kl", out.stats().klMean());
        row.put("clip_fraction_low", out.stats().clipFractionLow());
        row.put("clip_fraction_high", out.stats().clipFractionHigh());
        row.put("ratio_mean", out.stats().ratioMean());
        row.put("grad_norm", out.gradNorm());
        row.put("optimizer_steps", out.optimizerSteps());
        row.put("skipped_updates", out.skippedSteps());
        row.put("train_tokens_per_s", out.tokens() / Math.max(1e-9, out.seconds()));
        row.put("time/update", out.seconds());
    }

    /** Sampled, scored groups of one step, with the indices of the groups that enter the update. */
    private static final class Batch {
        final List<Group> groups = new ArrayList<>();
        GroupScorer.Scores scores;
        final List<Integer> kept = new ArrayList<>();
        int rounds;
        long generatedTokens;
        double rolloutSeconds;
        double rewardSeconds;
    }

    private Batch sampleBatch(long s) {
        Batch batch = new Batch();
        List<double[]> totals = new ArrayList<>();
        Map<String, List<double[]>> components = new LinkedHashMap<>();
        List<boolean[]> correct = new ArrayList<>();
        int notApplicable = 0;
        int wanted = settings.problemsPerStep();
        while (batch.rounds < settings.maxSamplingRounds() && batch.kept.size() < wanted) {
            int draw = batch.rounds == 0 ? wanted : wanted - batch.kept.size();
            List<Problem> problems = data.next(draw);
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                long slot = (long) batch.rounds * wanted + i;
                requests.add(new GenerationRequest(prompts.encode(problems.get(i).prompt()), settings.groupSize(),
                        settings.sampling().withSeed(Seeds.of(settings.seed(), s, slot))));
            }
            long t0 = System.nanoTime();
            List<List<Completion>> sampled = engine.generate(requests);
            batch.rolloutSeconds += (System.nanoTime() - t0) / 1e9;
            batch.generatedTokens += engine.lastStats().generatedTokens();
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                groups.add(new Group(problems.get(i), sampled.get(i)));
            }
            long t1 = System.nanoTime();
            GroupScorer.Scores scores = scorer.score(groups);
            batch.rewardSeconds += (System.nanoTime() - t1) / 1e9;
            for (int i = 0; i < groups.size(); i++) {
                boolean informative = !BatchStatistics.zeroVariance(scores.total()[i]);
                if (!settings.dynamicSampling() || informative) {
                    if (batch.kept.size() < wanted) {
                        batch.kept.add(batch.groups.size());
                    }
                }
                batch.groups.add(groups.get(i));
                totals.add(scores.total()[i]);
                correct.add(scores.correct()[i]);
                int gi = i;
                scores.components().forEach((k, v) -> components.computeIfAbsent(k, x -> new ArrayList<>()).add(v[gi]));
            }
            notApplicable += scores.notApplicable();
            batch.rounds++;
            if (!settings.dynamicSampling()) {
                break;
            }
        }
        Map<String, double[][]> comp = new LinkedHashMap<>();
        components.forEach((k, v) -> comp.put(k, v.toArray(new double[0][])));
        batch.scores = new GroupScorer.Scores(totals.toArray(new double[0][]), comp, correct.toArray(new boolean[0][]), notApplicable);
        return batch;
    }

    /** Test seam: wraps each checkpoint's writer (the kill-during-checkpoint test halts inside it). */
    void wrapCheckpoints(UnaryOperator<CheckpointContents> wrapper) {
        this.checkpointWrapper = wrapper;
    }

    public long step() {
        return step;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Frees the optimizer's moment estimates; the model, engine and scorer belong to the caller. */
    @Override
    public void close() {
        optimizer.close();
    }
}
