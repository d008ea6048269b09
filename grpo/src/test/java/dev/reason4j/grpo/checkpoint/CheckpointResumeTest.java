package dev.reason4j.grpo.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.grpo.TinyDecoders;
import dev.reason4j.grpo.TinyDecoders.Batch;
import dev.reason4j.grpo.optim.AdamW;
import dev.reason4j.grpo.optim.Gradients;
import dev.reason4j.grpo.optim.LearningRateSchedule;
import dev.reason4j.model.DecoderModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny decoder trained with AdamW, clipping and a warmup-cosine schedule, checkpointed through the
 * store, reloaded from disk into fresh objects and continued, matches a run never interrupted: the
 * same losses and bit-identical parameters and moments.
 */
class CheckpointResumeTest {
    private static final int STEPS = 6;
    private static final int INTERRUPT_AFTER = 3;
    private static final LearningRateSchedule SCHEDULE = LearningRateSchedule.cosineWithWarmup(2e-2, 2, STEPS, 1e-3);

    @TempDir
    Path run;

    @Test
    void aResumedRunIsBitIdenticalToAnUninterruptedOne() {
        List<Double> straightLosses = new ArrayList<>();
        float[][] straightParams;
        float[][] straightMoments;
        try (DecoderModel model = TinyDecoders.model(42, DataType.FLOAT32); AdamW adam = AdamW.withDefaults(model.parameters())) {
            SplittableRandom data = new SplittableRandom(9);
            for (int step = 0; step < STEPS; step++) {
                straightLosses.add(trainStep(model, adam, data, step));
            }
            straightParams = floats(model.parameters());
            straightMoments = moments(adam, model.parameters());
        }

        List<Double> resumedLosses = new ArrayList<>();
        CheckpointStore store = CheckpointStore.forRun(run, 2);
        try (DecoderModel model = TinyDecoders.model(42, DataType.FLOAT32); AdamW adam = AdamW.withDefaults(model.parameters())) {
            SplittableRandom data = new SplittableRandom(9);
            for (int step = 0; step < INTERRUPT_AFTER; step++) {
                resumedLosses.add(trainStep(model, adam, data, step));
            }
            SplittableRandom saved = data.split(); // the generator's next state travels as a seed word
            TrainerState state = TrainerState.of(INTERRUPT_AFTER, new long[] {saved.nextLong()}, INTERRUPT_AFTER);
            store.save(INTERRUPT_AFTER, CheckpointContents.of(model, null, adam, state));
        }

        Checkpoint checkpoint = CheckpointStore.forRun(run, 2).loadLatest(CorruptCheckpointPolicy.FAIL).orElseThrow();
        assertTrue(Files.isRegularFile(checkpoint.dir().resolve("config.json")), "HF layout");
        assertTrue(Files.isRegularFile(checkpoint.dir().resolve("optimizer.safetensors")));
        TrainerState state = checkpoint.trainerState();
        assertEquals(INTERRUPT_AFTER, state.step());
        try (DecoderModel model = checkpoint.loadModel(Device.cpu(), DataType.FLOAT32);
             AdamW adam = AdamW.withDefaults(model.parameters())) {
            TinyDecoders.requireGradients(model.parameters());
            checkpoint.restoreOptimizer(adam);
            assertEquals(INTERRUPT_AFTER, adam.stepCount());
            // Replays the data stream to where it stood; a trainer would restore its generator from rngState.
            SplittableRandom data = new SplittableRandom(9);
            for (int step = 0; step < state.step(); step++) {
                nextBatch(data);
            }
            for (int step = (int) state.step(); step < STEPS; step++) {
                resumedLosses.add(trainStep(model, adam, data, step));
            }
            assertEquals(straightLosses, resumedLosses, "losses of every step");
            float[][] params = floats(model.parameters());
            float[][] moments = moments(adam, model.parameters());
            for (int i = 0; i < params.length; i++) {
                assertArrayEquals(straightParams[i], params[i], 0f, "parameter " + i);
                assertArrayEquals(straightMoments[i], moments[i], 0f, "moment " + i);
            }
        }
    }

    private static double trainStep(DecoderModel model, AdamW adam, SplittableRandom data, int step) {
        Batch batch = nextBatch(data);
        Gradients.zero(model.parameters());
        double loss = TinyDecoders.backward(model, batch, batch.scoredTokens());
        double norm = Gradients.clipGlobalNorm(model.parameters(), 0.5);
        assertTrue(Double.isFinite(norm));
        adam.step(SCHEDULE.lr(step));
        return loss;
    }

    private static Batch nextBatch(SplittableRandom data) {
        return Batch.random(data.nextLong(), 6, 4, 5);
    }

    /** Exact float32 values (no conversion) of every parameter. */
    private static float[][] floats(Map<String, NDArray> params) {
        return params.values().stream().map(NDArray::toFloatArray).toArray(float[][]::new);
    }

    private static float[][] moments(AdamW adam, Map<String, NDArray> params) {
        List<float[]> out = new ArrayList<>();
        for (String name : params.keySet()) {
            out.add(adam.state().firstMoment(name).toFloatArray());
            out.add(adam.state().secondMoment(name).toFloatArray());
        }
        return out.toArray(float[][]::new);
    }
}
