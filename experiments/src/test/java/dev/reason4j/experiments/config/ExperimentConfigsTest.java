package dev.reason4j.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.datasets.BadRowPolicy;
import dev.reason4j.grpo.objective.AdvantageScaling;
import dev.reason4j.grpo.objective.LossAggregation;
import dev.reason4j.grpo.objective.RatioLevel;
import dev.reason4j.model.ModelFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigsTest {
    static final String MINIMAL = """
            model:
              init: {}
            data:
              generator: {name: arithmetic, count: 50}
            """;

    @TempDir
    Path tmp;

    LoadedConfig load(String yaml, String... overrides) throws Exception {
        Path file = tmp.resolve("my-run.yaml");
        Files.writeString(file, yaml);
        return ExperimentConfigs.load(file, List.of(overrides));
    }

    @Test
    void everyKeyButModelAndDataHasATrlLikeDefault() throws Exception {
        ExperimentConfig c = load(MINIMAL).config();
        assertEquals("my-run", c.name(), "an unnamed run is named after its file");
        assertEquals(42, c.seed());
        assertEquals("cpu", c.device());
        assertNull(c.threads());
        assertEquals(ModelFamily.QWEN2, c.model().init().arch());
        assertEquals(128, c.model().init().hidden());
        assertEquals(384, c.model().init().resolvedIntermediate());
        assertEquals(32, c.model().init().resolvedHeadDim());
        assertEquals(50, c.data().generator().count());
        assertEquals("r1_zero", c.data().template());
        assertEquals(BadRowPolicy.FAIL, c.data().badRows());
        assertEquals(8, c.rollout().groupSize());
        assertEquals(1.0, c.rollout().temperature());
        assertEquals(256, c.rollout().maxNewTokens());
        assertEquals(List.of("accuracy"), c.rewards().stream().map(RewardEntry::name).toList());
        GrpoSection g = c.grpo();
        assertEquals(1e-6, g.learningRate());
        assertEquals(0.0, g.beta());
        assertEquals(0.2, g.clipLow());
        assertEquals(0.2, g.clipHigh());
        assertEquals(LossAggregation.TOKEN_MEAN, g.loss());
        assertEquals(AdvantageScaling.GROUP, g.advantage());
        assertEquals(RatioLevel.TOKEN, g.ratioLevel());
        assertEquals(ScheduleKind.CONSTANT, g.schedule());
        assertEquals(1, g.numIterations());
        assertEquals(1.0, g.maxGradNorm());
        assertNull(c.sft(), "no warm start unless asked for");
        assertEquals(4, c.eval().k());
        assertEquals(0.6, c.eval().temperature());
        assertEquals(0.95, c.eval().topP());
        assertEquals(List.of(1, 2, 4), c.eval().resolvedPassAt());
        assertEquals(Path.of("runs"), c.output().dir());
        assertEquals(Path.of("runs", "my-run"), c.runDir());
        assertEquals(50, c.output().checkpointEvery());
    }

    @Test
    void anEmptySectionKeyMeansThatSectionWithItsDefaults() throws Exception {
        ExperimentConfig c = load(MINIMAL + "sft:\n").config();
        assertEquals(3, c.sft().epochs());
        assertEquals(2e-5, c.sft().learningRate());
        assertEquals("{solution}", c.sft().response());
    }

    @Test
    void overridesAreTypedByTheSchema() throws Exception {
        ExperimentConfig c = load(MINIMAL + "rewards:\n  - {name: accuracy}\n",
                "grpo.beta=0.04", "rollout.stop=[</answer>, \"\\n\\n\"]", "eval.pass_at=[1, 2]", "name=123",
                "data.template_override=Q: {question} A:", "rewards.1={name: format, weight: 0.5}", "rewards.0.weight=2",
                "grpo.loss=dr_grpo", "sft.epochs=1", "model.init.hidden=64").config();
        assertEquals(0.04, c.grpo().beta());
        assertEquals(List.of("</answer>", "\n\n"), c.rollout().stop());
        assertEquals(List.of(1, 2), c.eval().passAt());
        assertEquals("123", c.name(), "a string key keeps the text as written");
        assertEquals("Q: {question} A:", c.data().templateOverride());
        assertEquals(2, c.rewards().size());
        assertEquals(2.0, c.rewards().get(0).weight());
        assertEquals("format", c.rewards().get(1).name());
        assertEquals(0.5, c.rewards().get(1).weight());
        assertEquals(LossAggregation.CONSTANT, c.grpo().loss());
        assertEquals(1, c.sft().epochs(), "setting a key of an absent section creates it with its defaults");
        assertEquals(64, c.model().init().hidden());
    }

    @Test
    void theResolvedConfigReadsBackToTheSameValues() throws Exception {
        LoadedConfig first = load(MINIMAL + "sft: {epochs: 2, response: \"{reasoning}</think>\\n<answer>{answer}</answer>\"}\n"
                + "rewards:\n  - {name: format, weight: 0.5, params: {think_opened_in_prompt: true}}\n", "grpo.learning_rate=2e-5");
        Path resolved = tmp.resolve("resolved.yaml");
        Files.writeString(resolved, first.resolvedYaml());
        ExperimentConfig again = ExperimentConfigs.load(resolved, List.of()).config();
        ExperimentConfig original = first.config();
        assertEquals(original.grpo(), again.grpo());
        assertEquals(original.rollout(), again.rollout());
        assertEquals(original.sft(), again.sft());
        assertEquals(original.rewards(), again.rewards());
        assertEquals(Map.of("think_opened_in_prompt", true), again.rewards().get(0).params());
        assertEquals(original.model(), again.model());
        assertEquals(original.data(), again.data());
        assertEquals(original.eval(), again.eval());
        assertEquals(original.name(), again.name());
        assertEquals(original.output().dir().toAbsolutePath().normalize(), again.output().dir());
        assertTrue(first.resolvedYaml().contains("learning_rate: 2.0E-5") || first.resolvedYaml().contains("learning_rate: 2.0e-05"),
                first.resolvedYaml());
    }

    @Test
    void generatorParamsOverrideTheGeneratorsDefaults() throws Exception {
        ExperimentConfig c = load("""
                model: {init: {}}
                data:
                  generator: {name: arithmetic, count: 5, params: {min_terms: 2, max_terms: 3}}
                """).config();
        var generator = GeneratorFactory.create(c.data().generator(), new ConfigLocation("x", 0));
        var problems = generator.generate(20, 1);
        for (var p : problems) {
            int terms = ((Number) p.metadata().get("terms")).intValue();
            assertTrue(terms >= 2 && terms <= 3, "terms " + terms);
        }
    }
}
