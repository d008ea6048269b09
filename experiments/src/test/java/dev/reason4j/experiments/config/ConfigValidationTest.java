package dev.reason4j.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of config error names the file, the line and the key, and says what to write instead. */
class ConfigValidationTest {
    @TempDir
    Path tmp;

    ConfigException failure(String yaml, String... overrides) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ConfigException.class, () -> ExperimentConfigs.load(file, List.of(overrides)));
    }

    /** The one error, checked for its line, key and message. */
    ConfigError single(ConfigException e, int line, String key) {
        assertEquals(1, e.errors().size(), e.getMessage());
        ConfigError error = e.errors().get(0);
        assertEquals(tmp.resolve("bad.yaml").toString(), error.location().source());
        assertEquals(line, error.location().line(), e.getMessage());
        assertEquals(key, error.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(tmp.resolve("bad.yaml") + ":" + line + ": " + key + ": "), e.getMessage());
        return error;
    }

    static final String HEAD = """
            model:
              init: {}
            data:
              generator: {name: arithmetic}
            """;

    @Test
    void unknownKeySuggestsTheNearestValidOne() throws Exception {
        ConfigError e = single(failure(HEAD + "grpo:\n  steps: 3\n  lerning_rate: 1e-5\n"), 7, "grpo.lerning_rate");
        assertTrue(e.message().contains("did you mean 'learning_rate'?"), e.message());
        assertTrue(e.message().contains("valid keys here: steps, learning_rate,"), e.message());
    }

    @Test
    void unknownTopLevelKeyWithoutACloseMatchListsTheValidKeys() throws Exception {
        ConfigError e = single(failure("zzzzzz: 1\n" + HEAD), 1, "zzzzzz");
        assertTrue(!e.message().contains("did you mean") && e.message().contains("name, seed, device"), e.message());
    }

    @Test
    void wrongTypeNamesTheExpectedType() throws Exception {
        ConfigError e = single(failure(HEAD + "rollout:\n  group_size: many\n"), 6, "rollout.group_size");
        assertEquals("must be a whole number, got \"many\"", e.message());
        ConfigError flag = single(failure(HEAD + "grpo:\n\n  mask_truncated: 3\n"), 7, "grpo.mask_truncated");
        assertEquals("must be true or false, got 3", flag.message());
        ConfigError section = single(failure(HEAD + "eval: 5\n"), 5, "eval");
        assertTrue(section.message().startsWith("must be a mapping of key: value"), section.message());
        ConfigError list = single(failure(HEAD + "rollout: {stop: </answer>}\n"), 5, "rollout.stop");
        assertTrue(list.message().startsWith("must be a list"), list.message());
    }

    @Test
    void outOfRangeValueSaysTheRange() throws Exception {
        ConfigError e = single(failure(HEAD + "grpo:\n  clip_low: 1.5\n"), 6, "grpo.clip_low");
        assertEquals("is out of range: 1.5; it must be in [0, 1)", e.message());
        ConfigError g = single(failure(HEAD + "rollout:\n  group_size: 1\n"), 6, "rollout.group_size");
        assertEquals("is out of range: 1; it must be ≥ 2", g.message());
        ConfigError t = single(failure(HEAD + "rollout:\n  temperature: 0\n"), 6, "rollout.temperature");
        assertEquals("is out of range: 0; it must be > 0", t.message());
    }

    @Test
    void missingFilesAreNamedWithTheirKey() throws Exception {
        ConfigError model = single(failure("model:\n  path: no/such/model\ndata:\n  generator: {name: arithmetic}\n"), 2, "model.path");
        assertTrue(model.message().startsWith("directory no/such/model not found"), model.message());
        ConfigError data = single(failure("model: {init: {}}\ndata:\n  preset: gsm8k\n  source: gsm8k/train.jsonl\n"), 4, "data.source");
        assertTrue(data.message().startsWith("file gsm8k/train.jsonl not found"), data.message());
    }

    @Test
    void unknownEnumValueListsTheValidOnes() throws Exception {
        ConfigError e = single(failure(HEAD + "grpo:\n  loss: dapo2\n"), 6, "grpo.loss");
        assertEquals("unknown value \"dapo2\"; did you mean 'dapo'? use one of grpo, dapo, dr_grpo", e.message());
        ConfigError engine = single(failure(HEAD + "rollout: {engine: vllm}\n"), 5, "rollout.engine");
        assertTrue(engine.message().endsWith("use one of local, remote"), engine.message());
    }

    @Test
    void rewardsAreCheckedByNameAndParameters() throws Exception {
        ConfigError name = single(failure(HEAD + "rewards:\n  - name: acuracy\n"), 6, "rewards.0.name");
        assertTrue(name.message().contains("did you mean 'accuracy'?"), name.message());
        ConfigError param = single(failure(HEAD + "rewards:\n  - {name: accuracy}\n  - name: format\n    params: {think_open: true}\n"),
                8, "rewards.1.params");
        assertTrue(param.message().contains("think_opened_in_prompt"), param.message());
    }

    @Test
    void aMissingRequiredSectionIsNamed() throws Exception {
        ConfigError e = single(failure("data:\n  generator: {name: arithmetic}\n"), 1, "model");
        assertTrue(e.message().contains("required"), e.message());
    }

    @Test
    void aRecordsOwnCheckIsPlacedAtItsKey() throws Exception {
        ConfigError e = single(failure(HEAD.replace("{name: arithmetic}", "{name: arithmetic}\n  held_out:\n    fraction: 0.1\n    count: 5")),
                7, "data.held_out.count");
        assertEquals("give fraction or count, not both", e.message());
    }

    @Test
    void aPresetAndAFieldMappingAreNotBothAccepted() throws Exception {
        Path data = Files.writeString(tmp.resolve("d.jsonl"), "{\"q\": \"1+1\", \"a\": \"2\"}\n");
        ConfigError e = single(failure("model: {init: {}}\ndata:\n  source: " + data + "\n  preset: gsm8k\n  fields: {prompt: q, answer: a}\n"),
                5, "data.fields");
        assertTrue(e.message().startsWith("give preset or fields, not both"), e.message());
        ConfigError bad = single(failure("model: {init: {}}\ndata:\n  source: " + data + "\n  fields: {promt: q, answer: a}\n"),
                4, "data.fields");
        assertTrue(bad.message().contains("unknown field mapping key 'promt'"), bad.message());
    }

    @Test
    void badOverridesAreNamedByTheirAssignment() throws Exception {
        ConfigException e = failure(HEAD, "grpo.betta=0.1");
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("--set grpo.betta=0.1", e.errors().get(0).location().toString());
        assertTrue(e.getMessage().startsWith("--set grpo.betta=0.1: grpo.betta: unknown key; did you mean 'beta'?"), e.getMessage());
        ConfigException typed = failure(HEAD, "grpo.steps=lots");
        assertEquals("--set grpo.steps=lots: grpo.steps: must be a whole number, got \"lots\"", typed.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() throws Exception {
        ConfigException e = failure(HEAD + "grpo:\n  loss: x\n  beta: -1\nrollout: {top_p: 2}\n");
        assertEquals(3, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the experiment config has 3 problems:"), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.indexOf(":6: grpo.loss") < m.indexOf(":7: grpo.beta") && m.indexOf(":7: grpo.beta") < m.indexOf(":8: rollout.top_p"), m);
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysHaveTheirLine() throws Exception {
        ConfigException syntax = failure(HEAD + "grpo:\n  steps: [1, 2\n");
        assertTrue(syntax.getMessage().contains("not valid YAML"), syntax.getMessage());
        assertTrue(syntax.errors().get(0).location().line() >= 6, syntax.getMessage());
        ConfigException twice = failure(HEAD + "seed: 1\nseed: 2\n");
        assertTrue(twice.getMessage().contains(":6: seed: written twice (first at line 5)"), twice.getMessage());
        ConfigException nested = failure(HEAD + "grpo:\n  steps: 1\n  steps: 2\n");
        assertTrue(nested.getMessage().contains(":7: grpo.steps: written twice (first at line 6)"), nested.getMessage());
    }
}
