package dev.reason4j.rollout;

/**
 * What one generate call did and how long it took.
 *
 * @param prefillTokens   prompt tokens run through the model (padding excluded)
 * @param generatedTokens completion tokens sampled
 * @param decodeSteps     batched decode steps taken
 * @param prefillSeconds  wall time of prompt prefills
 * @param decodeSeconds   wall time of decode steps (sampling included)
 */
public record RolloutStats(long prefillTokens, long generatedTokens, long decodeSteps, double prefillSeconds,
                           double decodeSeconds) {
    public static final RolloutStats NONE = new RolloutStats(0, 0, 0, 0, 0);

    public RolloutStats plus(RolloutStats o) {
        return new RolloutStats(prefillTokens + o.prefillTokens, generatedTokens + o.generatedTokens,
                decodeSteps + o.decodeSteps, prefillSeconds + o.prefillSeconds, decodeSeconds + o.decodeSeconds);
    }

    public double totalSeconds() {
        return prefillSeconds + decodeSeconds;
    }

    /** Generated tokens per second of wall time (prefill included). */
    public double tokensPerSecond() {
        return totalSeconds() > 0 ? generatedTokens / totalSeconds() : 0;
    }
}
