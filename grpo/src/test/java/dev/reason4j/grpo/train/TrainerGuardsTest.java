package dev.reason4j.grpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Group;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.ParameterNames;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-finite updates are skipped and counted, then stop the run; empty and refilled batches under dynamic sampling. */
class TrainerGuardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static Path modelDir;

    @BeforeAll
    static void init() {
        modelDir = tmp.resolve("model");
        TinyRun.initModel(modelDir);
    }

    private static TrainerSettings dynamic(int steps, int rounds) {
        TrainerSettings b = TinyRun.settings(steps, 0.0, 1, 1e-2);
        return new TrainerSettings(b.steps(), 4, b.groupSize(), b.sampling(), b.scaling(), b.objective(), b.aggregation(),
                b.maskTruncated(), true, rounds, b.update(), b.optimizer(), b.schedule(), b.seed(), 0, 0, 2);
    }

    @Test
    void nonFiniteUpdatesAreSkippedCountedAndStopTheRunAfterTheLimit() throws Exception {
        Path run = tmp.resolve("nan");
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel policy = ModelIo.load(modelDir, Device.cpu(), DataType.FLOAT32)) {
            NDArray norm = policy.parameters().get(ParameterNames.FINAL_NORM);
            float[] poisoned = norm.toFloatArray();
            poisoned[0] = Float.NaN;
            norm.set(poisoned);
            GrpoTrainer trainer = TinyRun.trainer(policy, tokenizer, modelDir, run, TinyRun.settings(10, 0.0, 1, 1e-2),
                    TinyRun.evenTokens(1), null);
            Reason4jException e = assertThrows(Reason4jException.class, trainer::run);
            assertTrue(e.getMessage().contains("3 updates in a row") && e.getMessage().contains("non-finite"), e.getMessage());
            assertEquals(0, trainer.optimizer().stepCount(), "no step was taken with a NaN gradient");
        }
    }

    @Test
    void aBatchWhoseGroupsAllHaveEqualRewardsSkipsTheUpdateWithoutFailing() throws Exception {
        Path run = tmp.resolve("flat");
        GroupScorer flat = groups -> constant(groups, 1.0);
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel policy = ModelIo.load(modelDir, Device.cpu(), DataType.FLOAT32)) {
            GrpoTrainer trainer = TinyRun.trainer(policy, tokenizer, modelDir, run, dynamic(2, 2), flat, null);
            trainer.run();
            assertEquals(0, trainer.optimizer().stepCount());
        }
        List<JsonNode> rows = metrics(run);
        assertEquals(2, rows.size());
        for (JsonNode r : rows) {
            assertEquals(0, r.get("groups_kept").asInt());
            assertEquals(2, r.get("sampling_rounds").asInt(), "drew again up to the cap");
            assertEquals(0, r.get("optimizer_steps").asInt());
        }
    }

    @Test
    void dynamicSamplingRefillsTheBatchWithInformativeGroups() throws Exception {
        Path run = tmp.resolve("refill");
        int[] calls = {0};
        // first round: every other group is flat; later rounds: all informative
        GroupScorer halfFlat = groups -> {
            GroupScorer.Scores even = TinyRun.evenTokens(1).score(groups);
            double[][] total = even.total();
            if (calls[0]++ == 0) {
                for (int g = 0; g < total.length; g += 2) {
                    Arrays.fill(total[g], 0.5);
                }
            }
            return new GroupScorer.Scores(total, Map.of("even", total), even.correct(), 0);
        };
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel policy = ModelIo.load(modelDir, Device.cpu(), DataType.FLOAT32)) {
            TinyRun.trainer(policy, tokenizer, modelDir, run, dynamic(1, 3), halfFlat, null).run();
        }
        JsonNode row = metrics(run).get(0);
        assertEquals(4, row.get("groups_kept").asInt(), "the batch was filled to problems_per_step");
        assertEquals(2, row.get("sampling_rounds").asInt());
        assertTrue(row.get("optimizer_steps").asInt() >= 1);
    }

    private static GroupScorer.Scores constant(List<Group> groups, double value) {
        double[][] total = new double[groups.size()][];
        boolean[][] correct = new boolean[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            total[g] = new double[groups.get(g).size()];
            Arrays.fill(total[g], value);
            correct[g] = new boolean[groups.get(g).size()];
        }
        return new GroupScorer.Scores(total, Map.of("flat", total), correct, 0);
    }

    private static List<JsonNode> metrics(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (!n.has("event")) {
                out.add(n);
            }
        }
        return out;
    }
}
