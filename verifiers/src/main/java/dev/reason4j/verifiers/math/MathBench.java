package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Math-check throughput, for {@code reason4j bench verify}: the default {@link MathVerifier} over
 * the bundled case table ({@link MathCaseTable}: every category, near misses, hostile inputs
 * included), cycled in table order to the requested number of checks, on a {@link BatchVerifier}.
 * The mix is deterministic, so two runs on one machine measure the same work.
 */
public final class MathBench {

    private MathBench() {
    }

    /**
     * Checks per second for {@code n} checks on {@code threads} threads. One untimed pass over the
     * table warms up the JIT first.
     */
    public static double checksPerSecond(int n, int threads) {
        if (n < 1 || threads < 1) {
            throw new IllegalArgumentException("MathBench needs n >= 1 and threads >= 1, got n=" + n + ", threads=" + threads);
        }
        List<MathCaseTable.Case> table = MathCaseTable.all();
        MathVerifier math = new MathVerifier();
        try (BatchVerifier pool = new BatchVerifier(threads, math.config().timeLimit().multipliedBy(2))) {
            pool.verifyAll(checks(math, table, table.size()));
            List<Supplier<Verdict>> timed = checks(math, table, n);
            long start = System.nanoTime();
            pool.verifyAll(timed);
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<Supplier<Verdict>> checks(MathVerifier math, List<MathCaseTable.Case> table, int n) {
        List<Supplier<Verdict>> checks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MathCaseTable.Case c = table.get(i % table.size());
            checks.add(() -> math.verify(c.response(), c.gold()));
        }
        return checks;
    }
}
