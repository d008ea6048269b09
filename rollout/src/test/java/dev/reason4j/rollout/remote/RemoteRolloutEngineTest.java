package dev.reason4j.rollout.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.RolloutEngine;
import dev.reason4j.rollout.SamplingParams;
import dev.reason4j.rollout.server.RolloutServer;
import dev.reason4j.rollout.server.ScriptedEngine;
import dev.reason4j.rollout.server.ServerOptions;
import dev.reason4j.rollout.server.TinyModels;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The remote engine against real reason4j servers on loopback: agreement with the local engine, failover, reload. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RemoteRolloutEngineTest {
    @TempDir
    static Path dir;
    static TinyModels models;
    static RolloutServer one;
    static RolloutServer two;
    static URI dead;

    @BeforeAll
    static void start() {
        models = new TinyModels(dir);
        one = models.serveA();
        two = models.serveA();
        RolloutServer stopped = models.serveA();
        dead = stopped.uri();
        stopped.close();
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
        models.close();
    }

    private static RemoteRolloutEngine remote(URI... servers) {
        return new RemoteRolloutEngine(RemoteOptions.of(List.of(servers), "tiny")
                .withRetries(4, Duration.ofMillis(10), Duration.ofSeconds(5)));
    }

    /** Six groups with different prompts and settings, including a slice that starts at sequence id 3. */
    private static List<GenerationRequest> requests() {
        List<GenerationRequest> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int[] prompt = models.tokenizer.encode("Q: " + i + "+" + (7 * i) + "=?", false);
            SamplingParams params = switch (i % 3) {
                case 0 -> new SamplingParams(0.9, 0, 0.95, 0.0, 16, List.of(), 100 + i);
                case 1 -> new SamplingParams(1.2, 30, 1.0, 0.05, 16, List.of("=="), 100 + i);
                default -> new SamplingParams(0.0, 0, 1.0, 0.0, 16, List.of(), 100 + i, true);
            };
            out.add(new GenerationRequest(prompt, 1 + i % 3, params, i == 4 ? 3 : 0));
        }
        return out;
    }

    /**
     * Tokens, text and finish reasons must be identical. Log-probs agree within 1e-5: the server batches
     * concurrent requests differently from the local reference (other rows, other padding), which moves
     * float sums by about 1e-6, as the local engine's own batch-independence test allows.
     */
    private static void assertSame(List<List<Completion>> expected, List<List<Completion>> actual) {
        assertSame(expected, actual, 1e-5f);
    }

    private static void assertSame(List<List<Completion>> expected, List<List<Completion>> actual, float logProbTolerance) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.get(r).size());
            for (int s = 0; s < expected.get(r).size(); s++) {
                Completion e = expected.get(r).get(s);
                Completion a = actual.get(r).get(s);
                String where = "request " + r + " sample " + s;
                assertArrayEquals(e.promptIds(), a.promptIds(), where);
                assertArrayEquals(e.completionIds(), a.completionIds(), where);
                assertArrayEquals(e.logProbs(), a.logProbs(), logProbTolerance, where);
                assertEquals(e.text(), a.text(), where);
                assertEquals(e.finishReason(), a.finishReason(), where);
            }
        }
    }

    @Test
    void remoteGroupsEqualTheLocalEnginesAndSpreadOverTheServers() {
        long before1 = one.batches();
        long before2 = two.batches();
        List<List<Completion>> local = models.localA().generate(requests());
        try (RemoteRolloutEngine engine = remote(one.uri(), two.uri())) {
            assertSame(local, engine.generate(requests()));
            assertEquals(local.stream().flatMap(List::stream).mapToLong(Completion::length).sum(),
                    engine.lastStats().generatedTokens());
            // One group alone is computed exactly as the local engine computes it alone.
            GenerationRequest single = requests().get(1);
            assertSame(models.localA().generate(List.of(single)), engine.generate(List.of(single)), 1e-6f);
        }
        assertTrue(one.batches() > before1 && two.batches() > before2,
                "both servers served: " + (one.batches() - before1) + " and " + (two.batches() - before2) + " batches");
    }

    @Test
    void requestsFailOverToTheLiveServerWhenOneIsDown() {
        try (RemoteRolloutEngine engine = remote(dead, one.uri())) {
            assertSame(models.localA().generate(requests()), engine.generate(requests()));
        }
    }

    @Test
    void requestsFailOverWhenAServerAnswers500() {
        ScriptedEngine broken = ScriptedEngine.failing();
        try (RolloutServer failing = RolloutServer.start(ServerOptions.of(0, "tiny"), models.codec(), c -> broken, dir);
             RemoteRolloutEngine engine = remote(failing.uri(), two.uri())) {
            assertSame(models.localA().generate(requests()), engine.generate(requests()));
            assertTrue(!broken.batches.isEmpty(), "the failing server was tried");
        }
    }

    @Test
    void whenEveryServerIsDownTheErrorNamesThemAndTheLastFailure() {
        RolloutServer alsoStopped = models.serveA();
        URI dead2 = alsoStopped.uri();
        alsoStopped.close();
        try (RemoteRolloutEngine engine = remote(dead, dead2)) {
            Reason4jException e = assertThrows(Reason4jException.class, () -> engine.generate(requests().subList(0, 1)));
            assertTrue(e.getMessage().contains(dead.toString()) && e.getMessage().contains(dead2.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("4 tries") && e.getMessage().contains("last error"), e.getMessage());
            assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
        }
    }

    @Test
    void aRequestTheServerRejectsFailsAtOnceWithItsMessage() {
        GenerationRequest outOfVocabulary = new GenerationRequest(new int[] {models.vocabSize + 5}, 1, SamplingParams.of(4, 1));
        try (RemoteRolloutEngine engine = remote(one.uri(), two.uri())) {
            Reason4jException e = assertThrows(Reason4jException.class, () -> engine.generate(List.of(outOfVocabulary)));
            assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("prompt[0]"), e.getMessage());
        }
    }

    @Test
    void reloadWeightsMakesEveryServerServeTheNewCheckpoint() {
        List<GenerationRequest> requests = requests();
        List<List<Completion>> onB = models.localB().generate(requests);
        try (RolloutServer x = models.serveA(); RolloutServer y = models.serveA();
             RemoteRolloutEngine engine = remote(x.uri(), y.uri())) {
            engine.reloadWeights(models.dirB);
            for (RolloutServer only : List.of(x, y)) {
                try (RolloutEngine single = remote(only.uri())) {
                    assertSame(onB, single.generate(requests));
                }
            }
            Path missing = dir.resolve("missing-checkpoint");
            Reason4jException e = assertThrows(Reason4jException.class, () -> engine.reloadWeights(missing));
            assertTrue(e.getMessage().startsWith("2 of 2"), e.getMessage());
            assertTrue(e.getMessage().contains(x.uri().toString()) && e.getMessage().contains(y.uri().toString())
                    && e.getMessage().contains("HTTP 400"), e.getMessage());
            assertSame(onB, engine.generate(requests));
        }
    }

    @Test
    void optionsRefuseAnEmptyServerListAndNonHttpUrls() {
        assertThrows(Reason4jException.class, () -> RemoteOptions.of(List.of(), "m"));
        Reason4jException e = assertThrows(Reason4jException.class, () -> RemoteOptions.of(List.of(URI.create("localhost:8000")), "m"));
        assertTrue(e.getMessage().contains("http"), e.getMessage());
    }
}
