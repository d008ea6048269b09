package dev.reason4j.grpo.train;

/** Derived seeds: one independent stream per (run seed, step, slot), with no state to save. */
final class Seeds {
    private Seeds() {
    }

    static long of(long seed, long step, long slot) {
        return mix(mix(mix(seed) ^ step) ^ slot);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
