package dev.reason4j.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRolloutEngineTest {
    @TempDir
    static Path dir;
    static EngineFixture fx;

    static final SamplingParams SAMPLE = new SamplingParams(0.9, 0, 0.95, 0.0, 24, List.of(), 1234);

    @BeforeAll
    static void setUp() {
        fx = new EngineFixture(dir, List.of());
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void sampledLogProbsEqualTeacherForcedLogProbsAtTheSamplingTemperature() {
        int[] prompt = fx.prompt("Q: 12+7=?");
        List<Completion> group = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(prompt, 4, SAMPLE))).get(0);
        for (Completion c : group) {
            int total = prompt.length + c.length();
            long[] ids = new long[total];
            for (int i = 0; i < prompt.length; i++) {
                ids[i] = prompt[i];
            }
            for (int i = 0; i < c.length(); i++) {
                ids[prompt.length + i] = c.completionIds()[i];
            }
            long[] positions = new long[c.length()];
            Arrays.setAll(positions, i -> prompt.length + i);
            try (NDManager m = fx.model.manager().newSubManager()) {
                float[] teacher = fx.model.tokenLogProbs(m.create(ids, new Shape(1, total)), null,
                        m.create(positions, new Shape(1, positions.length)), SAMPLE.temperature()).toFloatArray();
                assertArrayEquals(teacher, c.logProbs(), 1e-4f);
            }
        }
    }

    @Test
    void aCompletionDoesNotDependOnWhatElseIsInTheBatchOrHowItIsSplit() {
        int[] p1 = fx.prompt("Q: 3*4=?");
        int[] p2 = fx.prompt("A much longer prompt, to force left padding: 1+2+3+4=?");
        GenerationRequest r1 = new GenerationRequest(p1, 5, SAMPLE);
        GenerationRequest r2 = new GenerationRequest(p2, 3, SAMPLE.withSeed(99));
        List<Completion> alone = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(r1)).get(0);
        List<List<Completion>> together = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(r2, r1));
        // a tiny token budget splits the group over several batches; compaction after every finish
        List<Completion> split = fx.engine(new RolloutOptions(2 * (p1.length + 24), 0.01)).generate(List.of(r1)).get(0);
        List<Completion> oneByOne = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oneByOne.add(fx.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(p1, 1, SAMPLE, i))).get(0).get(0));
        }
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(alone.get(i).completionIds(), together.get(1).get(i).completionIds(), "sample " + i + " beside another request");
            assertArrayEquals(alone.get(i).completionIds(), split.get(i).completionIds(), "sample " + i + " split across batches");
            assertArrayEquals(alone.get(i).completionIds(), oneByOne.get(i).completionIds(), "sample " + i + " as its own request");
            assertArrayEquals(alone.get(i).logProbs(), together.get(1).get(i).logProbs(), 1e-5f);
        }
        assertFalse(Arrays.equals(alone.get(0).completionIds(), alone.get(1).completionIds()), "samples of one group differ");
    }

    @Test
    void greedyDecodingMatchesArgmaxOverFullRecomputation() {
        int[] prompt = fx.prompt("Q: 9-4=?");
        SamplingParams greedy = new SamplingParams(0.0, 0, 1.0, 0.0, 12, List.of(), 0);
        Completion c = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(prompt, 1, greedy))).get(0).get(0);
        List<Long> seq = new ArrayList<>();
        for (int t : prompt) {
            seq.add((long) t);
        }
        int v = fx.model.config().vocabSize();
        for (int step = 0; step < 12; step++) {
            try (NDManager m = fx.model.manager().newSubManager()) {
                long[] ids = seq.stream().mapToLong(Long::longValue).toArray();
                float[] logits = fx.model.logits(m.create(ids, new Shape(1, ids.length)), null).toFloatArray();
                int best = 0;
                for (int j = 1; j < v; j++) {
                    if (logits[(ids.length - 1) * v + j] > logits[(ids.length - 1) * v + best]) {
                        best = j;
                    }
                }
                assertEquals(best, c.completionIds()[step], "greedy token " + step);
                seq.add((long) best);
            }
        }
        assertEquals(FinishReason.LENGTH, c.finishReason());
    }

    @Test
    void stopStringsCutTheTextAndEndTheCompletion() {
        int[] prompt = fx.prompt("Q: 5+5=?");
        SamplingParams noStop = SAMPLE.withMaxNewTokens(40);
        Completion full = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(prompt, 1, noStop))).get(0).get(0);
        String text = full.text();
        assertTrue(text.length() > 12, "need some text to cut: " + text);
        String stop = text.substring(8, 11);
        int at = text.indexOf(stop);
        Completion cut = fx.engine(RolloutOptions.DEFAULTS).generate(
                List.of(new GenerationRequest(prompt, 1, noStop.withStop(List.of(stop))))).get(0).get(0);
        assertEquals(FinishReason.STOP, cut.finishReason());
        assertEquals(text.substring(0, at), cut.text());
        assertTrue(cut.length() < full.length());
        assertArrayEquals(Arrays.copyOf(full.completionIds(), cut.length()), cut.completionIds(), "same tokens up to the stop");
    }

    @Test
    void eosEndsACompletionAndIsKeptAsItsLastToken(@TempDir Path other) {
        int[] prompt = fx.prompt("Q: 5+5=?");
        SamplingParams greedy = new SamplingParams(0.0, 0, 1.0, 0.0, 16, List.of(), 0);
        Completion free = fx.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(prompt, 1, greedy))).get(0).get(0);
        int eosToken = free.completionIds()[5];
        int firstAt = 0;
        while (free.completionIds()[firstAt] != eosToken) {
            firstAt++;
        }
        try (EngineFixture withEos = new EngineFixture(other, List.of(eosToken))) {
            Completion c = withEos.engine(RolloutOptions.DEFAULTS).generate(List.of(new GenerationRequest(prompt, 1, greedy))).get(0).get(0);
            assertEquals(FinishReason.STOP, c.finishReason());
            assertEquals(firstAt + 1, c.length());
            assertEquals(eosToken, c.completionIds()[c.length() - 1]);
        }
    }

    @Test
    void statsCountPrefillOncePerPromptAndEveryGeneratedToken() {
        int[] prompt = fx.prompt("Q: 1+1=?");
        LocalRolloutEngine engine = fx.engine(RolloutOptions.DEFAULTS);
        List<Completion> group = engine.generate(List.of(new GenerationRequest(prompt, 6, SAMPLE))).get(0);
        RolloutStats stats = engine.lastStats();
        assertEquals(prompt.length, stats.prefillTokens(), "the prompt is prefilled once for its 6 samples");
        assertEquals(group.stream().mapToLong(Completion::length).sum(), stats.generatedTokens());
        assertEquals(group.stream().mapToInt(Completion::length).max().orElse(0), stats.decodeSteps());
    }

    @Test
    void lanesCutABatchIntoBalancedPartsThatCoverEverySampleOnce() {
        List<LocalRolloutEngine.Slice> batch = List.of(new LocalRolloutEngine.Slice(0, 0, 5), new LocalRolloutEngine.Slice(1, 2, 3),
                new LocalRolloutEngine.Slice(2, 0, 1));
        List<List<LocalRolloutEngine.Slice>> two = LocalRolloutEngine.lanes(batch, 2);
        assertEquals(List.of(List.of(new LocalRolloutEngine.Slice(0, 0, 4)),
                List.of(new LocalRolloutEngine.Slice(0, 4, 1), new LocalRolloutEngine.Slice(1, 2, 3), new LocalRolloutEngine.Slice(2, 0, 1))), two);
        List<List<LocalRolloutEngine.Slice>> three = LocalRolloutEngine.lanes(batch, 3);
        assertEquals(List.of(3, 3, 3), three.stream().map(p -> p.stream().mapToInt(LocalRolloutEngine.Slice::count).sum()).toList());
        assertEquals(List.of(new LocalRolloutEngine.Slice(1, 2, 1), new LocalRolloutEngine.Slice(1, 3, 2), new LocalRolloutEngine.Slice(2, 0, 1)),
                List.of(three.get(1).get(1), three.get(2).get(0), three.get(2).get(1)));
        assertEquals(2, LocalRolloutEngine.lanes(List.of(new LocalRolloutEngine.Slice(0, 0, 2)), 8).size(), "never more lanes than rows");
        assertEquals(List.of(batch), LocalRolloutEngine.lanes(batch, 1));
    }

    @Test
    void lanesGiveTheSameCompletionsAndRestoreTorchThreads() {
        int[] p1 = fx.prompt("Q: 3*4=?");
        int[] p2 = fx.prompt("A longer prompt, for left padding: 1+2+3=?");
        List<GenerationRequest> requests = List.of(new GenerationRequest(p1, 5, SAMPLE), new GenerationRequest(p2, 4, SAMPLE.withSeed(7)));
        List<List<Completion>> one = fx.engine(RolloutOptions.DEFAULTS).generate(requests);
        int threads = dev.reason4j.model.TorchThreads.intraOp();
        try (LocalRolloutEngine laned = fx.engine(RolloutOptions.DEFAULTS.withLanes(3))) {
            List<List<Completion>> three = laned.generate(requests);
            assertEquals(threads, dev.reason4j.model.TorchThreads.intraOp(), "the caller's thread count is restored");
            for (int q = 0; q < requests.size(); q++) {
                for (int i = 0; i < requests.get(q).n(); i++) {
                    Completion a = one.get(q).get(i);
                    Completion b = three.get(q).get(i);
                    assertArrayEquals(a.completionIds(), b.completionIds(), "request " + q + " sample " + i);
                    assertArrayEquals(a.logProbs(), b.logProbs(), 1e-5f);
                    assertEquals(a.finishReason(), b.finishReason());
                }
            }
            RolloutStats stats = laned.lastStats();
            assertEquals(2L * (p1.length + p2.length), stats.prefillTokens(), "each request is cut between two lanes, so prefilled twice");
            assertEquals(three.stream().flatMap(List::stream).mapToLong(Completion::length).sum(), stats.generatedTokens());
        }
    }
}
