package dev.reason4j.grpo.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's protocol with small stand-in files; {@link CheckpointResumeTest} writes real models. */
class CheckpointStoreTest {
    @TempDir
    Path run;

    /** A checkpoint of three small files whose contents depend on the step. */
    private static CheckpointContents files(long step) {
        return dir -> {
            Files.writeString(dir.resolve("model.safetensors"), "weights of step " + step + "x".repeat(1000));
            Files.writeString(dir.resolve("optimizer.safetensors"), "moments of step " + step + "y".repeat(500));
            TrainerState.of(step, new long[] {step, -step}, 10 * step).write(dir);
        };
    }

    @Test
    void saveCommitsADirectoryAndPointsLatestAtIt() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        Checkpoint c = store.save(7, files(7));
        Path root = run.resolve("checkpoints");
        assertEquals(root.resolve("step-7"), c.dir());
        assertEquals("step-7", Files.readString(root.resolve("latest")).trim());
        assertEquals(List.of("latest", "step-7"), names(root));
        assertEquals(List.of("manifest.json", "model.safetensors", "optimizer.safetensors", "trainer_state.json"), names(c.dir()));
        assertEquals(Optional.of(c), store.latest());
        assertEquals(7, store.loadLatest(CorruptCheckpointPolicy.FAIL).orElseThrow().trainerState().step());
    }

    @Test
    void aCrashMidWriteLeavesLatestAtThePreviousCheckpointAndTheLeftoversAreRemovedOnOpen() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        store.save(1, files(1));
        store.save(2, files(2));
        Path root = store.root();
        // What a process killed while writing step 3 leaves: a temp dir with partial files, the pointer untouched.
        Path partial = Files.createDirectory(root.resolve("step-3.tmp-00000000deadbeef"));
        Files.writeString(partial.resolve("model.safetensors"), "half a mod");
        Files.writeString(root.resolve("latest.tmp-0000000000000001"), "step-");

        assertEquals(2, store.latest().orElseThrow().step());
        CheckpointStore reopened = CheckpointStore.forRun(run, 3);
        assertEquals(2, reopened.latest().orElseThrow().step());
        assertEquals(2, reopened.loadLatest(CorruptCheckpointPolicy.FAIL).orElseThrow().step());
        assertEquals(List.of("latest", "step-1", "step-2"), names(root), "leftovers removed");
    }

    @Test
    void aFailedWriteCleansUpAfterItselfAndKeepsThePreviousCheckpointLatest() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        store.save(1, files(1));
        Reason4jException e = assertThrows(Reason4jException.class, () -> store.save(2, dir -> {
            files(2).writeTo(dir);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("step-2") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals(1, store.latest().orElseThrow().step());
        assertEquals(List.of("latest", "step-1"), names(store.root()));
    }

    @Test
    void aStepDirectoryRenamedButNeverCommittedByThePointerIsDiscardedOnOpen() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        store.save(1, files(1));
        store.save(2, files(2));
        // A crash between the rename of step-2 and the pointer update: latest still names step-1.
        Files.writeString(store.root().resolve("latest"), "step-1\n");
        assertEquals(1, store.latest().orElseThrow().step());
        assertEquals(List.of(1L), store.checkpoints().stream().map(Checkpoint::step).collect(Collectors.toList()));
        CheckpointStore reopened = CheckpointStore.forRun(run, 3);
        assertEquals(List.of("latest", "step-1"), names(reopened.root()));
    }

    @Test
    void rotationKeepsExactlyTheLastN() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 2);
        for (long step = 10; step <= 50; step += 10) {
            store.save(step, files(step));
        }
        assertEquals(List.of(40L, 50L), store.checkpoints().stream().map(Checkpoint::step).collect(Collectors.toList()));
        assertEquals(List.of("latest", "step-40", "step-50"), names(store.root()));
    }

    @Test
    void savingAnEarlierStepAfterAResumeReplacesTheAbandonedLaterOnes() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 5);
        store.save(1, files(1));
        store.save(2, files(2));
        store.save(3, files(3));
        Checkpoint again = store.save(2, files(2)); // the run resumed from step 1 and reached step 2 again
        assertEquals(again, store.latest().orElseThrow());
        assertEquals(List.of("latest", "step-1", "step-2"), names(store.root()));
        again.verify();
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedOptimizerFileIsAnErrorNamingItUnlessFallingBackIsAllowed(Damage damage) throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        store.save(1, files(1));
        Checkpoint newest = store.save(2, files(2));
        damage.apply(newest.dir().resolve("optimizer.safetensors"));

        Reason4jException e = assertThrows(Reason4jException.class, () -> store.loadLatest(CorruptCheckpointPolicy.FAIL));
        assertTrue(e.getMessage().contains(newest.dir().resolve("optimizer.safetensors").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(damage.said), e.getMessage());
        assertEquals(1, store.loadLatest(CorruptCheckpointPolicy.FALL_BACK_TO_PREVIOUS).orElseThrow().step());
    }

    enum Damage {
        TRUNCATED("truncated") {
            @Override
            void apply(Path file) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() / 2);
                }
            }
        },
        FLIPPED_BYTE("CRC-32C") {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 0x10;
                Files.write(file, bytes);
            }
        },
        DELETED("missing") {
            @Override
            void apply(Path file) throws IOException {
                Files.delete(file);
            }
        };

        final String said;

        Damage(String said) {
            this.said = said;
        }

        abstract void apply(Path file) throws IOException;
    }

    @Test
    void whenEveryCheckpointIsDamagedFallingBackStillFailsClearly() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 3);
        Path manifest = store.save(1, files(1)).dir().resolve("manifest.json");
        Files.writeString(manifest, "{\"format\": ");
        Reason4jException e = assertThrows(Reason4jException.class, () -> store.loadLatest(CorruptCheckpointPolicy.FALL_BACK_TO_PREVIOUS));
        assertTrue(e.getMessage().contains("no checkpoint") && e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void anEmptyStoreHasNoLatest() {
        CheckpointStore store = CheckpointStore.forRun(run, 1);
        assertTrue(store.latest().isEmpty());
        assertTrue(store.loadLatest(CorruptCheckpointPolicy.FAIL).isEmpty());
        assertTrue(store.best().isEmpty());
    }

    @Test
    void theBestCheckpointIsKeptByItsMetricAndSurvivesRotation() throws IOException {
        CheckpointStore store = CheckpointStore.forRun(run, 1);
        double[] accuracy = {0.30, 0.50, 0.40, Double.NaN, 0.45};
        boolean[] expectedKept = {true, true, false, false, false};
        for (int i = 0; i < accuracy.length; i++) {
            Checkpoint c = store.save(i + 1, files(i + 1));
            assertEquals(expectedKept[i], store.offerBest(c, "eval/pass@1", accuracy[i], true), "step " + (i + 1));
        }
        BestCheckpoint best = store.best().orElseThrow();
        assertEquals(2, best.checkpoint().step());
        assertEquals(0.50, best.value(), 0.0);
        assertEquals(List.of("best", "best-step-2", "latest", "step-5"), names(store.root()), "one best copy; rotation kept 1");
        best.checkpoint().verify();
        assertEquals(2, best.checkpoint().trainerState().step());

        CheckpointStore reopened = CheckpointStore.forRun(run, 1);
        assertEquals(best, reopened.best().orElseThrow());
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> reopened.offerBest(reopened.latest().orElseThrow(), "eval/loss", 0.1, false));
        assertTrue(e.getMessage().contains("eval/pass@1") && e.getMessage().contains("eval/loss"), e.getMessage());
    }

    @Test
    void lowerIsBetterMetricsKeepTheSmallest() {
        CheckpointStore store = CheckpointStore.forRun(run, 2);
        assertTrue(store.offerBest(store.save(1, files(1)), "eval/loss", 2.0, false));
        assertTrue(store.offerBest(store.save(2, files(2)), "eval/loss", 1.5, false));
        assertFalse(store.offerBest(store.save(3, files(3)), "eval/loss", 1.5, false), "a tie is not an improvement");
        assertEquals(2, store.best().orElseThrow().checkpoint().step());
    }

    @Test
    void trainerStateRoundTripsExactly(@TempDir Path dir) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        extra.putArray("reward_mean").add(0.125).add(0.3333333333333333);
        extra.put("skipped_steps", 2);
        TrainerState state = new TrainerState(12, List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -7L), 384, extra);
        state.write(dir);
        TrainerState read = TrainerState.read(dir);
        assertEquals(state, read);
        assertEquals(Long.MIN_VALUE, read.rngStateArray()[0]);
        assertEquals(0.3333333333333333, read.extra().get("reward_mean").get(1).asDouble(), 0.0);
    }

    @Test
    void aMalformedTrainerStateIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(TrainerState.FILE), "{\"format\":\"reason4j.trainer_state\",\"step\":", StandardCharsets.UTF_8);
        Reason4jException e = assertThrows(Reason4jException.class, () -> TrainerState.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve(TrainerState.FILE).toString()), e.getMessage());
    }

    @Test
    void invalidSettingsAreRejectedNamingTheField() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> CheckpointStore.forRun(run, 0));
        assertTrue(e.getMessage().contains("keepLast"), e.getMessage());
        e = assertThrows(Reason4jException.class, () -> new TrainerState(-1, List.of(), 0, null));
        assertTrue(e.getMessage().contains("TrainerState.step"), e.getMessage());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
