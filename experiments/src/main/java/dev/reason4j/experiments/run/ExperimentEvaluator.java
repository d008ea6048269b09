package dev.reason4j.experiments.run;

import dev.reason4j.core.Problem;
import dev.reason4j.experiments.config.EvalSection;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.eval.EvalFiles;
import dev.reason4j.experiments.eval.EvalResults;
import dev.reason4j.experiments.eval.EvalSettings;
import dev.reason4j.experiments.eval.EvalSummary;
import dev.reason4j.experiments.eval.Evaluator;
import dev.reason4j.experiments.eval.ProblemJudge;
import dev.reason4j.experiments.eval.TokenizerPromptEncoder;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's evaluation through {@link Evaluator}: the held-out problems, {@code eval.k} samples each with
 * the run's template at the {@code eval} sampling settings, results and summary written to
 * {@code <run dir>/eval/<phase>/}. The same seed is used in every phase, so before and after differ only
 * by the weights. Samples come from the training engine: the policy itself for the local engine; for a
 * remote one, the servers' newest checkpoint.
 */
public final class ExperimentEvaluator implements RunEvaluator {
    private final Evaluator evaluator;
    private final ProblemJudge judge;
    private final EvalSettings settings;
    private final List<Problem> problems;
    private final Path evalDir;

    private ExperimentEvaluator(Evaluator evaluator, ProblemJudge judge, EvalSettings settings, List<Problem> problems, Path evalDir) {
        this.evaluator = evaluator;
        this.judge = judge;
        this.settings = settings;
        this.problems = problems;
        this.evalDir = evalDir;
    }

    /** The factory {@code train} uses. */
    public static RunEvaluators factory() {
        return (config, data, tokenizer, engine, runDir) -> {
            ProblemJudge judge = new ProblemJudge();
            Evaluator evaluator = new Evaluator(engine, new TokenizerPromptEncoder(tokenizer), judge);
            return new ExperimentEvaluator(evaluator, judge, settings(config, data), data.heldOut(), runDir.resolve("eval"));
        };
    }

    /** DeepSeek-R1's protocol by default: see {@link EvalSection}. */
    static EvalSettings settings(ExperimentConfig c, ExperimentData data) {
        EvalSection e = c.eval();
        int maxNew = e.maxNewTokens() != null ? e.maxNewTokens() : c.rollout().maxNewTokens();
        SamplingParams sampling = new SamplingParams(e.temperature(), 0, e.topP(), 0.0, maxNew, c.rollout().stop(), c.seed());
        return new EvalSettings(data.template(), e.k(), sampling, e.resolvedPassAt(), e.greedy(), 32);
    }

    @Override
    public Map<String, Double> evaluate(String phase) {
        EvalResults results = evaluator.evaluate(problems, settings);
        EvalFiles.write(evalDir.resolve(phase), results);
        return flatten(results.summary());
    }

    /** {@code pass@1} (which ranks checkpoints), {@code pass@k}, {@code maj@k}, format and length numbers. */
    static Map<String, Double> flatten(EvalSummary s) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("pass@1", s.passAt1());
        s.passAtK().forEach((k, v) -> out.putIfAbsent("pass@" + k, v));
        out.put("maj@" + s.k(), s.majAtK());
        if (s.greedyAccuracy() != null) {
            out.put("greedy_accuracy", s.greedyAccuracy());
        }
        out.put("format_r1", s.formatR1());
        out.put("format_answer", s.formatAnswer());
        if (s.meanCompletionTokens() != null) {
            out.put("mean_completion_tokens", s.meanCompletionTokens());
        }
        if (s.truncationRate() != null) {
            out.put("truncation_rate", s.truncationRate());
        }
        out.put("problems", (double) s.problems());
        return out;
    }

    @Override
    public void close() {
        judge.close();
    }
}
