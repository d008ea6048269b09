package dev.reason4j.rollout;

/**
 * Counter-based randomness: the uniform used for token {@code step} of sequence {@code sequenceId}
 * under {@code seed} is a pure function of the three. A completion's tokens therefore do not depend on
 * batch composition, on the server or local engine drawing them, or on a resume.
 */
public final class SequenceRandom {
    private SequenceRandom() {
    }

    /** A uniform double in [0, 1). */
    public static double uniform(long seed, long sequenceId, long step) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ sequenceId * 0xBF58476D1CE4E5B9L);
        h = mix(h ^ step * 0x94D049BB133111EBL);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
