package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Every call leaves its results in the caller's manager and nothing behind in the model's. */
class NativeMemoryTest {

    @Test
    void repeatedForwardPassesLeaveNoArraysInTheModelManager() {
        ModelConfig config = TinyModels.config(ModelFamily.QWEN3, true);
        try (DecoderModel model = TinyModels.model(config, 1, DataType.FLOAT32)) {
            long[] ids = DecoderModelTest.randomIds(16, config.vocabSize(), 2);
            long[] positions = new long[15];
            java.util.Arrays.setAll(positions, i -> i + 1);
            runOnce(model, ids, positions); // grows the rotary tables' cache if it ever needs to
            int modelArrays = model.manager().getManagedArrays().size();
            for (int step = 0; step < 20; step++) {
                int inStep = runOnce(model, ids, positions);
                assertEquals(3 + 1 + 2, inStep, "the step manager holds its 3 inputs, the result and the cache's arrays only");
            }
            assertEquals(modelArrays, model.manager().getManagedArrays().size(), "no arrays accumulate on the model");
        }
    }

    /** One teacher-forced pass and two cached decode steps; returns how many arrays the step manager holds afterwards. */
    private static int runOnce(DecoderModel model, long[] ids, long[] positions) {
        try (NDManager step = model.manager().newSubManager()) {
            NDArray in = step.create(ids, new Shape(1, ids.length));
            NDArray pos = step.create(positions, new Shape(1, positions.length));
            NDArray mask = step.ones(new Shape(1, ids.length), DataType.INT64);
            model.tokenLogProbs(in, mask, pos, 1.0);
            try (KvCache cache = KvCache.allocate(model.config(), step, 1, 20, DataType.FLOAT32);
                 NDManager decode = step.newSubManager()) {
                model.lastLogits(model.hiddenStates(decode.create(ids, new Shape(1, ids.length)), null, cache));
                model.lastLogits(model.hiddenStates(decode.create(new long[] {3}, new Shape(1, 1)), null, cache));
            }
            return step.getManagedArrays().size() + 2;
        }
    }
}
