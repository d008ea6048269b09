package dev.reason4j.grpo.train;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM for the kill-and-resume test: trains the tiny run, resuming from runDir's checkpoints,
 * and dies abruptly (Runtime.halt: no finally blocks, no shutdown hooks, like SIGKILL) where asked.
 *
 * <p>Arguments: modelDir runDir steps killAfterStep killInCheckpointOfStep (0 = never).
 */
public final class ResumeRunMain {
    static final int KILLED = 137;

    private ResumeRunMain() {
    }

    public static void main(String[] args) {
        Path modelDir = Path.of(args[0]);
        Path runDir = Path.of(args[1]);
        int steps = Integer.parseInt(args[2]);
        long killAfter = Long.parseLong(args[3]);
        long killInCheckpoint = Long.parseLong(args[4]);
        TrainerSettings s = TinyRun.settings(steps, 0.0, 2, 1e-2);
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel policy = ModelIo.load(modelDir, Device.cpu(), DataType.FLOAT32)) {
            GrpoTrainer trainer = new GrpoTrainer(policy, null, modelDir, new PromptEncoder(tokenizer),
                    new dev.reason4j.rollout.LocalRolloutEngine(policy, tokenizer, dev.reason4j.rollout.RolloutOptions.DEFAULTS),
                    TinyRun.evenTokens(1), new ProblemStream(TinyRun.problems(), s.seed()), s, runDir, new TrainingListener() {
                        @Override
                        public void onStep(long step, long total, Map<String, Object> metrics) {
                            if (step == killAfter) {
                                Runtime.getRuntime().halt(KILLED);
                            }
                        }
                    });
            trainer.wrapCheckpoints(contents -> dir -> {
                contents.writeTo(dir);
                if (trainer.step() == killInCheckpoint) {
                    Runtime.getRuntime().halt(KILLED); // files written, checkpoint not yet committed
                }
            });
            trainer.resumeIfPossible();
            trainer.run();
        }
        System.exit(0);
    }
}
