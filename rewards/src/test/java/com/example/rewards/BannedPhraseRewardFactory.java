package com.example.rewards;

import dev.reason4j.rewards.RewardFactory;
import dev.reason4j.rewards.RewardFunction;
import dev.reason4j.rewards.RewardParams;
import java.util.Map;
import java.util.Set;

/** Found by ServiceLoader: listed in META-INF/services/dev.reason4j.rewards.RewardFactory. */
public final class BannedPhraseRewardFactory implements RewardFactory {
    @Override
    public String name() {
        return "banned_phrase";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("phrase", "penalty");
    }

    @Override
    public RewardFunction create(Map<String, Object> params) {
        RewardParams p = new RewardParams(name(), params);
        return new BannedPhraseReward(p.text("phrase", null), p.number("penalty", -1.0));
    }
}
