package dev.reason4j.experiments.config;

import dev.reason4j.rewards.RewardSpec;
import java.util.Map;

/**
 * One reward of the weighted total (R1: accuracy + format; DAPO: accuracy + overlong punishment).
 * Built-ins: {@code accuracy}, {@code format}, {@code tag_count}, {@code countdown}, {@code code},
 * {@code reasoning_steps}, {@code cosine}, {@code soft_overlong_punishment},
 * {@code repetition_penalty}, {@code length}; custom ones through {@code META-INF/services/dev.reason4j.rewards.RewardFactory}.
 *
 * @param name   the reward's name
 * @param weight its factor in the total (default 1.0)
 * @param params its own settings (default none), e.g. {@code {think_opened_in_prompt: true}} for
 *               {@code format} under the R1-Zero template
 */
public record RewardEntry(String name, @Default("1.0") double weight, @Default("{}") Map<String, Object> params) {
    public RewardSpec toSpec() {
        return new RewardSpec(name, weight, params);
    }
}
