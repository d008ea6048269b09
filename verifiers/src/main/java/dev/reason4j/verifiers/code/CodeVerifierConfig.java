package dev.reason4j.verifiers.code;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link CodeVerifier}.
 *
 * @param language         how programs are found, checked and run ({@link Language#python()})
 * @param limits           per run (the compile check and each test run separately)
 * @param tolerance        for non-integer numbers in outputs and call results
 * @param parallelism      checks run at once by {@link CodeVerifier#verifyAll}; each is a process
 *                         using up to a core, so more than the core count only adds waiting
 * @param workParent       where the private work root is created ({@code null}: the system temp
 *                         dir); must be reachable by the sandbox user, so not under a 0700 home
 * @param allowUnsafeLocal run programs without isolation when no sandbox works (rlimits only).
 *                         Off by default; never turn it on where untrusted code can hurt anything
 */
public record CodeVerifierConfig(Language language, Limits limits, Tolerance tolerance, int parallelism,
                                 Path workParent, boolean allowUnsafeLocal) {

    public CodeVerifierConfig {
        Objects.requireNonNull(language, "CodeVerifierConfig.language");
        Objects.requireNonNull(limits, "CodeVerifierConfig.limits");
        Objects.requireNonNull(tolerance, "CodeVerifierConfig.tolerance");
        if (parallelism < 1) {
            throw new IllegalArgumentException("CodeVerifierConfig.parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Python, {@link Limits#defaults()}, {@link Tolerance#defaults()}, one check per core, system temp, sandbox required. */
    public static CodeVerifierConfig defaults() {
        return new CodeVerifierConfig(Language.python(), Limits.defaults(), Tolerance.defaults(),
                Runtime.getRuntime().availableProcessors(), null, false);
    }

    public CodeVerifierConfig withLimits(Limits newLimits) {
        return new CodeVerifierConfig(language, newLimits, tolerance, parallelism, workParent, allowUnsafeLocal);
    }

    public CodeVerifierConfig withTolerance(Tolerance newTolerance) {
        return new CodeVerifierConfig(language, limits, newTolerance, parallelism, workParent, allowUnsafeLocal);
    }

    public CodeVerifierConfig withParallelism(int threads) {
        return new CodeVerifierConfig(language, limits, tolerance, threads, workParent, allowUnsafeLocal);
    }

    public CodeVerifierConfig withWorkParent(Path parent) {
        return new CodeVerifierConfig(language, limits, tolerance, parallelism, parent, allowUnsafeLocal);
    }

    public CodeVerifierConfig withAllowUnsafeLocal(boolean allow) {
        return new CodeVerifierConfig(language, limits, tolerance, parallelism, workParent, allow);
    }

    Path resolvedWorkParent() {
        return workParent != null ? workParent : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
