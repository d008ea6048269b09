package dev.reason4j.experiments.cli;

import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.datasets.BadRowPolicy;
import dev.reason4j.datasets.FileProblemSource;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.datasets.synthetic.GeneratedProblems;
import dev.reason4j.datasets.synthetic.Generators;
import dev.reason4j.experiments.eval.Comparison;
import dev.reason4j.experiments.eval.EvalFiles;
import dev.reason4j.experiments.eval.EvalResults;
import dev.reason4j.experiments.eval.EvalSettings;
import dev.reason4j.experiments.eval.Evaluator;
import dev.reason4j.experiments.eval.ProblemJudge;
import dev.reason4j.experiments.eval.TokenizerPromptEncoder;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: pass@1 (averaged over k samples), unbiased pass@k and maj@k of a model on a dataset
 * or generated task; or the same numbers for completions produced elsewhere; or base versus trained.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model: k samples per problem (DeepSeek-R1's protocol by default: temperature 0.6, top-p 0.95),",
                "reporting pass@1 averaged over the k samples, unbiased pass@k and maj@k. Writes OUT/results.jsonl and",
                "OUT/summary.json and prints the summary as one JSON line.",
                "  eval --model DIR (--data FILE | --task NAME) [...]      evaluate a model",
                "  eval --model DIR --baseline-model DIR2 ...               evaluate both (OUT/base, OUT/trained) and compare",
                "  eval --responses FILE.jsonl [--data FILE | --task NAME]  score completions produced elsewhere",
                "  eval --compare BASE_DIR TRAINED_DIR                      compare two earlier evaluations",
                "A comparison writes OUT/comparison.jsonl (per problem) and OUT/comparison.json and prints the latter."})
public final class EvalCommand implements Callable<Integer>, Subcommand {
    static final int DEFAULT_TASK_PROBLEMS = 100;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory (HF layout) to evaluate.")
    Path model;

    @Option(names = "--baseline-model", paramLabel = "DIR", description = "Also evaluate this base model and compare (needs --model).")
    Path baselineModel;

    @Option(names = "--responses", paramLabel = "FILE", description = "Score completions from a JSONL file instead of sampling. "
            + "Rows: {\"id\" and/or \"problem\", \"response\": \"…\" or \"responses\": […], \"answer\": …}; Countdown rows give "
            + "\"numbers\" and \"target\"; rows without a reference are looked up by id in --data/--task; optional \"prompt\" "
            + "(exact prompt text) and \"finish_reason(s)\". Rows with the same id are one problem.")
    Path responses;

    @Option(names = "--compare", arity = "2", paramLabel = "DIR", description = "Compare two eval output directories: BASE_DIR TRAINED_DIR.")
    List<Path> compare;

    @Option(names = "--data", paramLabel = "FILE", description = "Dataset file (JSONL, JSON, CSV or Parquet).")
    Path data;

    @Option(names = "--task", description = "Generated task instead of a file: countdown, arithmetic, linear or number_theory.")
    String task;

    @Option(names = "--preset", defaultValue = "auto", description = "Dataset schema: gsm8k, math, aime, code, prompt_answer or auto (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--bad-rows", defaultValue = "fail", description = "A dataset row that cannot be read: fail or skip (default: ${DEFAULT-VALUE}).")
    String badRows;

    @Option(names = "--template", defaultValue = "r1_zero", description = "Prompt template: r1_zero, boxed, plain, chat, chat_r1, chat_boxed (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--n-problems", paramLabel = "N", description = "Evaluate the first N problems (default: all of a file; "
            + DEFAULT_TASK_PROBLEMS + " of a task).")
    Integer nProblems;

    @Option(names = "--task-seed", defaultValue = "1", description = "Seed of the generated problems (default: ${DEFAULT-VALUE}; "
            + "use one your training did not).")
    long taskSeed;

    @Option(names = "--k", description = "Samples per problem (default: 4; with --responses, the fewest responses of any problem).")
    Integer k;

    @Option(names = "--temperature", defaultValue = "0.6", description = "(default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "(default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--top-k", defaultValue = "0", description = "0 = off (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--min-p", defaultValue = "0.0", description = "0 = off (default: ${DEFAULT-VALUE}).")
    double minP;

    @Option(names = "--max-new-tokens", defaultValue = "512", description = "Longest completion (default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--stop", description = "Stop string (repeatable).")
    List<String> stop = new ArrayList<>();

    @Option(names = "--pass-at", split = ",", paramLabel = "K", description = "pass@k values to report, e.g. 1,2,4 (default: 1, 2, 4, … up to k).")
    List<Integer> passAt;

    @Option(names = "--greedy", description = "Also one temperature-0 sample per problem (greedy accuracy).")
    boolean greedy;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed; problem i samples under a seed derived from it and i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "eval", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: libtorch's choice).")
    Integer threads;

    @Override
    public Integer call() {
        int modes = (model != null ? 1 : 0) + (responses != null ? 1 : 0) + (compare != null ? 1 : 0);
        if (modes != 1) {
            throw new Reason4jException("eval needs exactly one of --model DIR, --responses FILE or --compare BASE_DIR TRAINED_DIR"
                    + (modes > 1 ? " (got more than one)" : ""));
        }
        if (baselineModel != null && model == null) {
            throw new Reason4jException("--baseline-model needs --model: the model to compare against the baseline");
        }
        if (compare != null) {
            return compareDirectories();
        }
        if (responses != null) {
            return scoreResponses();
        }
        return evaluateModels();
    }

    private int compareDirectories() {
        Comparison comparison = Evaluator.compare(EvalFiles.read(compare.get(0)), EvalFiles.read(compare.get(1)));
        EvalFiles.writeComparison(out, comparison);
        return print(comparison.summary());
    }

    private int scoreResponses() {
        List<Problem> known = data != null || task != null ? loadProblems() : List.of();
        try (ProblemJudge judge = new ProblemJudge()) {
            EvalResults results = Evaluator.scoreExternal(responses, known, k, passAt, judge);
            EvalFiles.write(out, results);
            return print(results.summary());
        }
    }

    private int evaluateModels() {
        if (data == null && task == null) {
            throw new Reason4jException("eval --model needs problems: --data FILE or --task countdown|arithmetic|linear|number_theory");
        }
        requireModelDirectory(model, "--model");
        if (baselineModel != null) {
            requireModelDirectory(baselineModel, "--baseline-model");
        }
        List<Problem> problems = loadProblems();
        EvalSettings settings = settings();
        Threads.configure(threads);
        if (baselineModel == null) {
            EvalResults results = evaluate(model, problems, settings);
            EvalFiles.write(out, results);
            return print(results.summary());
        }
        EvalResults base = evaluate(baselineModel, problems, settings);
        EvalFiles.write(out.resolve("base"), base);
        EvalResults trained = evaluate(model, problems, settings);
        EvalFiles.write(out.resolve("trained"), trained);
        Comparison comparison = Evaluator.compare(base, trained);
        EvalFiles.writeComparison(out, comparison);
        return print(comparison.summary());
    }

    private EvalResults evaluate(Path dir, List<Problem> problems, EvalSettings settings) {
        try (Tokenizer tokenizer = Tokenizer.load(dir);
             DecoderModel m = ModelIo.load(dir, Devices.parse(device), DataType.FLOAT32);
             LocalRolloutEngine engine = new LocalRolloutEngine(m, tokenizer, RolloutOptions.DEFAULTS);
             ProblemJudge judge = new ProblemJudge()) {
            return new Evaluator(engine, new TokenizerPromptEncoder(tokenizer), judge).evaluate(problems, settings);
        }
    }

    private EvalSettings settings() {
        int samples = k == null ? 4 : k;
        SamplingParams sampling = new SamplingParams(temperature, topK, topP, minP, maxNewTokens, stop, seed);
        return new EvalSettings(PromptTemplates.named(template), samples, sampling, passAt, greedy, 32);
    }

    private List<Problem> loadProblems() {
        if (data != null && task != null) {
            throw new Reason4jException("give either --data FILE or --task NAME, not both");
        }
        if (nProblems != null && nProblems < 1) {
            throw new Reason4jException("--n-problems must be at least 1, got " + nProblems);
        }
        if (task != null) {
            int count = nProblems == null ? DEFAULT_TASK_PROBLEMS : nProblems;
            return new GeneratedProblems(Generators.named(task), count, taskSeed).load().problems();
        }
        List<Problem> all = FileProblemSource.withPreset(data, preset, badRowPolicy()).load().problems();
        if (all.isEmpty()) {
            throw new Reason4jException(data + " holds no problems");
        }
        return nProblems == null || nProblems >= all.size() ? all : all.subList(0, nProblems);
    }

    private BadRowPolicy badRowPolicy() {
        return switch (badRows.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> BadRowPolicy.FAIL;
            case "skip" -> BadRowPolicy.SKIP;
            default -> throw new Reason4jException("--bad-rows must be fail or skip, got " + badRows);
        };
    }

    private static void requireModelDirectory(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new Reason4jException(option + " " + dir + ": no such directory (resolved to " + dir.toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new Reason4jException(option + " " + dir + " has no config.json: point it at a model in Hugging Face layout");
        }
    }

    private int print(Object summary) {
        spec.commandLine().getOut().println(EvalFiles.line(summary));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
