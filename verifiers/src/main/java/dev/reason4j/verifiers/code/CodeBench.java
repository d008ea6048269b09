package dev.reason4j.verifiers.code;

import dev.reason4j.verifiers.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the code verifier on this machine: checks per second of a tiny deterministic
 * stdin/stdout program, one test per check (so each check is two sandboxed runs: the compile check
 * and the test), with the default limits. For {@code bench verify}.
 */
public final class CodeBench {

    private static final String PROGRAM = "```python\na, b = map(int, input().split())\nprint(a + b)\n```\n";

    private CodeBench() {}

    /**
     * Runs {@code n} checks on {@code threads} threads after a warm-up of {@code threads} checks.
     *
     * @throws SandboxUnavailableException when no sandbox works here
     * @throws IllegalStateException       when a check does not come out CORRECT (the number would be meaningless)
     */
    public static double checksPerSecond(int n, int threads) {
        if (n < 1 || threads < 1) {
            throw new IllegalArgumentException("CodeBench needs n >= 1 and threads >= 1, got n=" + n + ", threads=" + threads);
        }
        try (CodeVerifier verifier = CodeVerifier.create(CodeVerifierConfig.defaults().withParallelism(threads))) {
            requireAllCorrect(verifier.verifyAll(checks(threads)));
            List<CodeCheck> checks = checks(n);
            long start = System.nanoTime();
            List<Verdict> verdicts = verifier.verifyAll(checks);
            double seconds = (System.nanoTime() - start) / 1e9;
            requireAllCorrect(verdicts);
            return n / seconds;
        }
    }

    private static List<CodeCheck> checks(int n) {
        List<CodeCheck> checks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            checks.add(CodeCheck.stdio(PROGRAM, List.of(new StdioTest(i + " " + 7 * i + "\n", Integer.toString(8 * i)))));
        }
        return checks;
    }

    private static void requireAllCorrect(List<Verdict> verdicts) {
        for (Verdict verdict : verdicts) {
            if (!verdict.correct()) {
                throw new IllegalStateException("benchmark check was not CORRECT: " + verdict.kind() + ": " + verdict.reason());
            }
        }
    }
}
