package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.rewards.BannedPhraseReward;
import dev.reason4j.core.Reason4jException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewardRegistryTest {
    private static final Set<String> BUILT_INS = Set.of("accuracy", "code", "countdown", "format", "tag_count", "reasoning_steps",
            "cosine", "soft_overlong_punishment", "repetition_penalty", "length");

    private final RewardRegistry registry = RewardRegistry.load();

    @Test
    void knowsTheBuiltInsAndTheCustomRewardOnTheClasspath() {
        assertTrue(registry.names().containsAll(BUILT_INS), registry.names().toString());
        assertTrue(registry.names().contains("banned_phrase"), registry.names().toString());
    }

    @Test
    void everyBuiltInButCodeIsMadeWithItsDefaultsUnderItsOwnName() {
        for (String name : BUILT_INS) {
            if (!name.equals("code")) { // needs a sandbox: CodeRewardTest
                assertEquals(name, registry.create(name, Map.of()).name());
            }
        }
    }

    @Test
    void parametersReachTheReward() {
        RewardFunction overlong = registry.create("soft_overlong_punishment", Map.of("max_length", 20, "cache_length", 8));
        // (12 − 16)/8 = −0.5
        assertEquals(-0.5, ((CompletionReward) overlong).score(math("1"), completion("x", 16)));
        RewardFunction cosine = registry.create("cosine", Map.of("max_length", 100, "correct_at_max", 0.0));
        // correct at L = L_max: correct_at_max = 0
        assertEquals(0.0, ((CompletionReward) cosine).score(math("7"), completion("<answer>7</answer>", 100)), 1e-12);
    }

    @Test
    void customRewardIsFoundByNameThroughServiceLoader() {
        RewardFunction banned = registry.create("banned_phrase", Map.of("phrase", "As an AI", "penalty", -0.5));
        assertInstanceOf(BannedPhraseReward.class, banned);
        assertEquals(-0.5, ((CompletionReward) banned).score(math("1"), completion("Well, as an AI model I think 1.")));
        assertEquals(0.0, ((CompletionReward) banned).score(math("1"), completion("It is 1.")));
    }

    @Test
    void yamlStyleEntriesBuildACombinationWithTheCustomReward() {
        // rewards:
        //   - {name: accuracy, weight: 1.0}
        //   - {name: banned_phrase, weight: 0.5, params: {phrase: "as an AI"}}
        Map<String, Object> banned = new LinkedHashMap<>();
        banned.put("name", "banned_phrase");
        banned.put("weight", 0.5);
        banned.put("params", Map.of("phrase", "as an AI"));
        List<RewardSpec> specs = List.of(RewardSpec.fromMap(Map.of("name", "accuracy", "weight", 1)), RewardSpec.fromMap(banned));
        try (RewardCombination rewards = registry.combination(specs);
             RewardScorer scorer = new RewardScorer(rewards, new RewardScorerConfig(2, Duration.ofSeconds(30)))) {
            ScoredBatch batch = scorer.score(List.of(Fixtures.group(math("1"), "As an AI: <answer>1</answer>", "<answer>1</answer>")));
            // 1 × 1 + 0.5 × (−1) = 0.5 and 1 × 1 + 0.5 × 0 = 1
            assertEquals(0.5, batch.totals()[0][0]);
            assertEquals(1.0, batch.totals()[0][1]);
            assertEquals(-0.5, batch.report().component("banned_phrase").mean());
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> registry.create("acuracy", Map.of()));
        assertTrue(e.getMessage().startsWith("unknown reward 'acuracy'; known rewards: accuracy, banned_phrase, code, cosine, countdown,"),
                e.getMessage());
    }

    @Test
    void unknownParameterIsNamedWithTheRewardsParameters() {
        Reason4jException e = assertThrows(Reason4jException.class, () -> registry.create("cosine", Map.of("max_len", 100)));
        assertEquals("reward 'cosine' has no parameter 'max_len'; its parameters are: correct_at_max, correct_at_zero, max_length, "
                + "wrong_at_max, wrong_at_zero", e.getMessage());
        Reason4jException none = assertThrows(Reason4jException.class, () -> registry.create("length", Map.of("alpha", 1)));
        assertEquals("reward 'length' has no parameter 'alpha'; its parameters are: (none)", none.getMessage());
    }

    @Test
    void badParameterValuesAreExplained() {
        Reason4jException type = assertThrows(Reason4jException.class, () -> registry.create("cosine", Map.of("max_length", "long")));
        assertEquals("reward 'cosine': parameter 'max_length' must be a whole number, e.g. 1000, got \"long\"", type.getMessage());
        Reason4jException choice = assertThrows(Reason4jException.class, () -> registry.create("countdown", Map.of("number_use", "twice")));
        assertEquals("reward 'countdown': parameter 'number_use' must be one of at_most_once, exactly_once, got \"twice\"", choice.getMessage());
        Reason4jException required = assertThrows(Reason4jException.class, () -> registry.create("banned_phrase", Map.of()));
        assertEquals("reward 'banned_phrase' needs the parameter 'phrase'; add it under params", required.getMessage());
        Reason4jException custom = assertThrows(Reason4jException.class, () -> registry.create("banned_phrase", Map.of("phrase", " ")));
        assertEquals("reward 'banned_phrase' could not be created: banned_phrase: phrase must not be blank", custom.getMessage());
    }

    @Test
    void entryKeysOtherThanNameWeightParamsAreRejected() {
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> RewardSpec.fromMap(Map.of("name", "format", "think_opened_in_prompt", true)));
        assertEquals("a reward entry has the key 'think_opened_in_prompt'; an entry takes name, weight and params"
                + " (a reward's own settings go under params)", e.getMessage());
    }

    @Test
    void customRewardMayNotTakeABuiltInsName() {
        RewardFactory impostor = new RewardFactory() {
            @Override
            public String name() {
                return "accuracy";
            }

            @Override
            public RewardFunction create(Map<String, Object> params) {
                return StubReward.constant("accuracy", 1);
            }
        };
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> new RewardRegistry(RewardRegistry.builtIns(), List.of(impostor)));
        assertEquals("two rewards are named 'accuracy': the built-in and " + impostor.getClass().getName()
                + "; rename the custom one", e.getMessage());
    }
}
