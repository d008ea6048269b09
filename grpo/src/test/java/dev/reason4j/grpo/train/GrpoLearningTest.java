package dev.reason4j.grpo.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GRPO takes a tiny model from chance (0.5) to ≥ 0.9 mean reward; flipping the advantage sign does the opposite. */
class GrpoLearningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static Path modelDir;

    @BeforeAll
    static void init() {
        modelDir = tmp.resolve("model");
        TinyRun.initModel(modelDir);
    }

    @ParameterizedTest(name = "beta={0} mu={1} sign={2}")
    @CsvSource({"0.0, 1, 1", "0.02, 1, 1", "0.0, 2, 1", "0.0, 1, -1"})
    void meanRewardClimbsFromChanceUnlessTheAdvantageIsFlipped(double beta, int mu, double sign) throws Exception {
        Path run = tmp.resolve("run-" + beta + "-" + mu + "-" + sign);
        TrainerSettings s = TinyRun.settings(30, beta, mu, 1e-2);
        try (Tokenizer tokenizer = Tokenizer.load(modelDir);
             DecoderModel policy = ModelIo.load(modelDir, Device.cpu(), DataType.FLOAT32);
             ReferencePolicy ref = beta > 0 ? new ReferencePolicy(policy.copy()) : null) {
            TinyRun.trainer(policy, tokenizer, modelDir, run, s, TinyRun.evenTokens(sign), ref).run();
        }
        List<Double> rewards = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.has("reward/even")) {
                rewards.add(sign * n.get("reward/even").asDouble());
            }
        }
        double first = rewards.get(0);
        double last = (rewards.get(rewards.size() - 1) + rewards.get(rewards.size() - 2) + rewards.get(rewards.size() - 3)) / 3;
        assertTrue(first > 0.3 && first < 0.7, "starts near chance: " + first);
        if (sign > 0) {
            assertTrue(last >= 0.9, "mean reward of the last steps " + last + " (from " + first + "): " + rewards);
        } else {
            assertTrue(last <= 0.1, "with the advantage flipped the property is unlearned: " + last + " " + rewards);
        }
    }
}
