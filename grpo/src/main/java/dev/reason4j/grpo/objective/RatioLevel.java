package dev.reason4j.grpo.objective;

/** Where the importance ratio π_θ/π_old is taken before clipping. */
public enum RatioLevel implements ConfigNamed {
    /** r_{i,t} = exp(logp_θ − logp_old) per token (PPO, GRPO, DAPO). */
    TOKEN("token"),
    /**
     * GSPO: s_i = exp(mean over the completion's unmasked tokens of (logp_θ − logp_old)), used in place
     * of r_{i,t} for every token of completion i, so a whole completion is clipped or not.
     */
    SEQUENCE("sequence");

    private final String configName;

    RatioLevel(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
