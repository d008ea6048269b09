package dev.reason4j.verifiers.code;

import dev.reason4j.verifiers.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges model-written programs against tests, each run in a {@link Sandbox}.
 *
 * <p>The program is the response's last code block of the configured language
 * ({@link CodeExtractor}); none gives NO_ANSWER. It is compile-checked once (COMPILE_ERROR), then
 * run once per test, each run in a fresh work dir. The score is the fraction of tests passed;
 * all passed is CORRECT; otherwise the verdict's kind is the first failed test's: WRONG_ANSWER,
 * RUNTIME_ERROR, TIMEOUT (CPU or wall clock), MEMORY_LIMIT or OUTPUT_LIMIT. A sandbox that breaks
 * gives INFRASTRUCTURE_FAILURE (score 0, not judged), never a verdict on the program; no tests,
 * or a test without a JSON form, gives NOT_APPLICABLE.
 *
 * <p>Thread-safe. {@link #verifyAll} runs checks on a pool of {@link CodeVerifierConfig#parallelism()}
 * threads; {@link #close()} stops it and removes the work root.
 */
public final class CodeVerifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeVerifier.class);

    private final CodeVerifierConfig config;
    private final Sandbox sandbox;
    private final WorkDirs workDirs;
    private final ProgramRunner runner;
    private final CodeExtractor extractor;
    private final ExecutorService pool;

    private CodeVerifier(CodeVerifierConfig config, Sandbox sandbox, WorkDirs workDirs) {
        this.config = config;
        this.sandbox = sandbox;
        this.workDirs = workDirs;
        this.runner = new ProgramRunner(sandbox, workDirs, config.language(), config.limits(), config.tolerance());
        this.extractor = config.language().extractor();
        this.pool = Executors.newFixedThreadPool(config.parallelism(), daemonThreads());
    }

    /**
     * Finds a working sandbox (see {@link SandboxProbe}) and checks that the language runs in it.
     *
     * @throws SandboxUnavailableException when none works and the config does not allow unsafe
     *                                     local execution; the message says how to install one
     */
    public static CodeVerifier create(CodeVerifierConfig config) {
        Objects.requireNonNull(config, "config");
        WorkDirs workDirs = new WorkDirs(config.resolvedWorkParent());
        try {
            Sandbox sandbox = SandboxProbe.choose(workDirs.root(), config.allowUnsafeLocal());
            CodeVerifier verifier = new CodeVerifier(config, sandbox, workDirs);
            verifier.requireLanguageRuns();
            return verifier;
        } catch (RuntimeException e) {
            workDirs.close();
            throw e;
        }
    }

    /**
     * Like {@link #create} but never refuses: without a sandbox, every verdict is an
     * INFRASTRUCTURE_FAILURE carrying the refusal, so a batch of mixed math and code rows still runs.
     */
    public static CodeVerifier createOrRefusing(CodeVerifierConfig config) {
        try {
            return create(config);
        } catch (SandboxUnavailableException e) {
            LOG.error(e.getMessage());
            return new CodeVerifier(config, refusing(e.getMessage()), new WorkDirs(config.resolvedWorkParent()));
        }
    }

    /** Uses {@code sandbox} as given, without probing (for tests and custom isolation). */
    public static CodeVerifier withSandbox(CodeVerifierConfig config, Sandbox sandbox) {
        return new CodeVerifier(Objects.requireNonNull(config, "config"), Objects.requireNonNull(sandbox, "sandbox"),
                new WorkDirs(config.resolvedWorkParent()));
    }

    /** Checks the response's program against stdin/stdout tests. */
    public Verdict verify(String response, List<StdioTest> tests) {
        Objects.requireNonNull(tests, "tests");
        return judge(response, tests.size(), (code, i) -> runner.runStdio(code, tests.get(i)));
    }

    /** Checks the response's program by calling {@code functionName} with each test's arguments. */
    public Verdict verifyCallBased(String response, String functionName, List<CallTest> tests) {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(tests, "tests");
        if (config.language().callHarness().isEmpty()) {
            return Verdict.wrong(Verdict.Kind.NOT_APPLICABLE, "", "call-based tests are not supported for " + config.language().name());
        }
        return judge(response, tests.size(), (code, i) -> runner.runCall(code, functionName, tests.get(i)));
    }

    public Verdict verify(CodeCheck check) {
        return check.isCallBased()
                ? verifyCallBased(check.response(), check.functionName(), check.callTests())
                : verify(check.response(), check.stdioTests());
    }

    /** All checks, {@link CodeVerifierConfig#parallelism()} at a time; verdicts in input order. */
    public List<Verdict> verifyAll(List<CodeCheck> checks) {
        List<Future<Verdict>> futures = new ArrayList<>(checks.size());
        for (CodeCheck check : checks) {
            futures.add(pool.submit(() -> verify(check)));
        }
        List<Verdict> verdicts = new ArrayList<>(checks.size());
        for (Future<Verdict> future : futures) {
            verdicts.add(await(future));
            if (Thread.currentThread().isInterrupted()) {
                futures.forEach(f -> f.cancel(true)); // running checks kill their sandboxes
            }
        }
        return verdicts;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public CodeVerifierConfig config() {
        return config;
    }

    /** The private directory under which each run gets its work dir (empty between runs). */
    public Path workRoot() {
        return workDirs.root();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        workDirs.close();
    }

    private interface TestRun {
        TestOutcome run(String code, int index);
    }

    private Verdict judge(String response, int testCount, TestRun test) {
        Objects.requireNonNull(response, "response");
        Optional<String> code = extractor.extract(response);
        if (code.isEmpty()) {
            return Verdict.wrong(Verdict.Kind.NO_ANSWER, "", "no " + config.language().name() + " code block in the answer");
        }
        if (testCount == 0) {
            return Verdict.wrong(Verdict.Kind.NOT_APPLICABLE, code.get(), "no tests to run");
        }
        try {
            Optional<TestOutcome> compile = runner.compileCheck(code.get());
            if (compile.isPresent()) {
                return Verdict.wrong(compile.get().kind(), code.get(), compile.get().detail());
            }
            return tally(code.get(), testCount, i -> test.run(code.get(), i));
        } catch (RuntimeException e) {
            LOG.error("code check failed inside the verifier", e);
            return Verdict.wrong(Verdict.Kind.INFRASTRUCTURE_FAILURE, code.get(), "checker fault: " + e);
        }
    }

    private static Verdict tally(String code, int testCount, IntFunction<TestOutcome> runTest) {
        int passed = 0;
        TestOutcome firstFailure = null;
        int firstFailureIndex = -1;
        for (int i = 0; i < testCount; i++) {
            TestOutcome outcome = runTest.apply(i);
            if (outcome.kind() == Verdict.Kind.INFRASTRUCTURE_FAILURE || outcome.kind() == Verdict.Kind.NOT_APPLICABLE) {
                return Verdict.wrong(outcome.kind(), code, "test " + (i + 1) + ": " + outcome.detail());
            }
            if (outcome.isPassed()) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = outcome;
                firstFailureIndex = i;
            }
        }
        if (firstFailure == null) {
            return Verdict.correct(code, "all " + testCount + " tests passed");
        }
        return new Verdict(firstFailure.kind(), (double) passed / testCount, code,
                passed + "/" + testCount + " tests passed; test " + (firstFailureIndex + 1) + ": " + firstFailure.detail());
    }

    private void requireLanguageRuns() {
        Optional<TestOutcome> failure = runner.compileCheck("pass\n");
        if (failure.isPresent()) {
            throw new SandboxUnavailableException("the sandbox (" + sandbox.description() + ") works but " + config.language().name()
                    + " does not run in it: " + failure.get().detail() + ". Install it under /usr (apt-get install -y python3): "
                    + "the sandbox sees only /usr, not ~/.pyenv or a virtualenv.");
        }
    }

    private static Verdict await(Future<Verdict> future) {
        try {
            return future.get();
        } catch (InterruptedException | CancellationException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Verdict.wrong(Verdict.Kind.INFRASTRUCTURE_FAILURE, "", "interrupted before the check finished");
        } catch (ExecutionException e) {
            return Verdict.wrong(Verdict.Kind.INFRASTRUCTURE_FAILURE, "", "checker fault: " + e.getCause());
        }
    }

    private static Sandbox refusing(String message) {
        return (command, stdin, workDir, limits) -> ExecResult.sandboxFailure(message, Duration.ZERO);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "code-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
