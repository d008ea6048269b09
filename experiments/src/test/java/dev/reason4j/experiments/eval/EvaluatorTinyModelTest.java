package dev.reason4j.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Problem;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.datasets.synthetic.Generators;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import dev.reason4j.model.tokenizer.SyntheticTokenizer;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a tiny random policy: the numbers are noise, but they must be consistent and reproducible. */
class EvaluatorTinyModelTest {
    @TempDir
    static Path tmp;
    static Tokenizer tokenizer;
    static DecoderModel model;
    static final List<Problem> PROBLEMS = Generators.named("arithmetic").generate(5, 7);

    @BeforeAll
    static void init() {
        SyntheticTokenizer.write(tmp.resolve("tok"));
        tokenizer = Tokenizer.load(tmp.resolve("tok"));
        ModelConfig config = ModelConfig.create(ModelFamily.QWEN3, tokenizer.vocabSize(), 32, 64, 2, 4, 2, 8,
                1_000_000, true, 512, -1, tokenizer.eosTokenIds());
        model = ModelInit.random(config, 42, 0.5, Device.cpu(), DataType.FLOAT32);
    }

    @AfterAll
    static void close() {
        model.close();
        tokenizer.close();
    }

    private static EvalResults run(EvalSettings settings) {
        try (ProblemJudge judge = new ProblemJudge();
             LocalRolloutEngine engine = new LocalRolloutEngine(model, tokenizer, RolloutOptions.DEFAULTS)) {
            return new Evaluator(engine, new TokenizerPromptEncoder(tokenizer), judge).evaluate(PROBLEMS, settings);
        }
    }

    @Test
    void resultsAreInternallyConsistentReproducibleAndWritten() throws Exception {
        EvalSettings settings = EvalSettings.r1(PromptTemplates.named("r1_zero"), 3, 6, 11).withGreedy(true).withProblemsPerBatch(2);
        EvalResults a = run(settings);
        assertEquals(5, a.problems().size());
        double meanFraction = 0;
        for (ProblemResult p : a.problems()) {
            assertEquals(3, p.n());
            assertEquals(3, p.samples().size());
            assertTrue(p.c() >= 0 && p.c() <= p.n());
            assertEquals(p.samples().stream().filter(SampleResult::correct).count(), p.c());
            assertTrue(p.prompt().endsWith("<think>"), p.prompt());
            for (SampleResult s : p.samples()) {
                assertTrue(s.length() >= 1 && s.length() <= 6, "length " + s.length());
                assertTrue(!s.truncated() || s.length() == 6, "only a completion at the limit is truncated");
            }
            meanFraction += (double) p.c() / p.n();
        }
        EvalSummary s = a.summary();
        assertEquals(meanFraction / 5, s.passAt1(), 1e-12);
        assertEquals(s.passAt1(), s.passAtK().get(1), 1e-12);
        assertTrue(s.passAtK().get(1) <= s.passAtK().get(2) && s.passAtK().get(2) <= s.passAtK().get(3), "pass@k grows with k");
        assertEquals(List.of(1, 2, 3), List.copyOf(s.passAtK().keySet()));
        assertEquals(15, s.samples());
        assertTrue(s.greedyAccuracy() != null && s.truncationRate() != null && s.meanCompletionTokens() != null);
        assertTrue(s.formatR1() >= 0 && s.formatR1() <= 1 && s.formatAnswer() >= 0 && s.formatAnswer() <= 1);

        EvalResults b = run(settings.withProblemsPerBatch(5));
        assertEquals(EvalFiles.line(a.problems()), EvalFiles.line(b.problems()), "same seed, same samples, whatever the batching");
        EvalResults other = run(EvalSettings.r1(PromptTemplates.named("r1_zero"), 3, 6, 12));
        assertTrue(!EvalFiles.line(a.problems()).equals(EvalFiles.line(other.problems())), "another seed, other samples");

        Path out = tmp.resolve("out");
        EvalFiles.write(out, a);
        assertEquals(5, Files.readAllLines(out.resolve(EvalFiles.RESULTS)).size());
        assertTrue(Files.readString(out.resolve(EvalFiles.SUMMARY)).contains("\"pass_at_1\""));
    }
}
