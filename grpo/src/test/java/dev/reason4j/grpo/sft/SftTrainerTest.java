package dev.reason4j.grpo.sft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelFamily;
import dev.reason4j.model.ModelInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SftTrainerTest {

    @Test
    void learnsResponsesButNotPrompts() {
        ModelConfig config = ModelConfig.create(ModelFamily.QWEN2, 40, 32, 64, 1, 4, 2, 8, 1e6, true, 128, -1, List.of(1));
        Random r = new Random(1);
        List<SftExample> examples = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int a = 10 + r.nextInt(10);
            // prompt: noise then the operand; response: the operand + 10, then EOS (id 1)
            examples.add(new SftExample(new int[] {2 + r.nextInt(8), 2 + r.nextInt(8), a}, new int[] {a + 10, 1}));
        }
        try (DecoderModel model = ModelInit.random(config, 5, 0.1, Device.cpu(), DataType.FLOAT32)) {
            double promptBefore = promptNll(model, examples);
            double[] loss = new SftTrainer(model, new SftSettings(40, 8, 2e-2, 5, 1.0, 0.0, 7)).train(examples, null);
            assertTrue(loss[0] > 2.0, "starts near uniform over 40 tokens (ln 40 ≈ 3.7): " + loss[0]);
            assertTrue(loss[loss.length - 1] < 0.1, "the response mapping is learned: " + loss[loss.length - 1]);
            double promptAfter = promptNll(model, examples);
            assertTrue(promptAfter > 1.5, "prompt tokens carried no loss, so their random part stays unpredictable: "
                    + promptBefore + " → " + promptAfter);
        }
    }

    /** Mean −log p of the second prompt token given the first (pure noise: nothing to learn). */
    private static double promptNll(DecoderModel model, List<SftExample> examples) {
        double sum = 0;
        try (NDManager m = model.manager().newSubManager()) {
            for (SftExample e : examples) {
                long[] ids = {e.promptIds()[0], e.promptIds()[1]};
                sum -= model.tokenLogProbs(m.create(ids, new Shape(1, 2)), null, m.create(new long[] {1}, new Shape(1, 1)), 1.0).getFloat();
            }
        }
        return sum / examples.size();
    }
}
