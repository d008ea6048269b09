package dev.reason4j.rewards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Completion;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.code.CallTest;
import dev.reason4j.verifiers.code.CodeCheck;
import dev.reason4j.verifiers.code.CodeVerifier;
import dev.reason4j.verifiers.code.CodeVerifierConfig;
import dev.reason4j.verifiers.code.Limits;
import dev.reason4j.verifiers.code.SandboxUnavailableException;
import dev.reason4j.verifiers.code.StdioTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the completion's last code block against the problem's tests in a sandbox, as open-r1's
 * {@code code_reward} (pass fraction) and {@code binary_code_reward} (all or nothing) do, and as
 * DeepSeek-R1 scores code (§2.2.2: "compiler … predefined test cases").
 *
 * <p>Values: with {@code mode: fraction} the fraction of tests passed; with {@code mode: all_pass}
 * 1 when every test passes, else 0. A test that times out, crashes, or exceeds a memory or output
 * limit counts as failed; no code block or a compile error is 0. NaN when the problem has no tests
 * or a call-based test's JSON does not parse (not applicable), and when the sandbox breaks
 * ({@code INFRASTRUCTURE_FAILURE}, counted apart).
 *
 * <p>Parameters: {@code mode} ({@code fraction}), {@code cpu_seconds} (4) and {@code wall_seconds}
 * (10) per test run, {@code allow_unsafe_local} (false: without a working sandbox the reward refuses
 * to be created, with a message saying how to install bubblewrap).
 */
public final class CodeReward implements CompletionReward {
    public static final String NAME = "code";

    /** How the tests' outcomes become one value. */
    public enum Mode { FRACTION, ALL_PASS }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodeVerifier verifier;
    private final Mode mode;

    /** Takes ownership of {@code verifier}: {@link #close()} closes it. */
    public CodeReward(CodeVerifier verifier, Mode mode) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.mode = Objects.requireNonNull(mode, "code: mode must be fraction or all_pass");
    }

    public static RewardFactory factory() {
        return RewardFactory.of(NAME, Set.of("mode", "cpu_seconds", "wall_seconds", "allow_unsafe_local"), p -> {
            Mode mode = p.choice("mode", Mode.class, Mode.FRACTION);
            Limits limits = Limits.defaults();
            try {
                limits = limits.withCpuSeconds(p.integer("cpu_seconds", limits.cpuSeconds()))
                        .withWallTime(Duration.ofMillis(Math.round(1000 * p.number("wall_seconds", limits.wallTime().toMillis() / 1000.0))));
                // One check per scoring thread: RewardScorer already runs completions in parallel.
                CodeVerifierConfig config = CodeVerifierConfig.defaults().withLimits(limits).withParallelism(1)
                        .withAllowUnsafeLocal(p.flag("allow_unsafe_local", false));
                return new CodeReward(CodeVerifier.create(config), mode);
            } catch (IllegalArgumentException | SandboxUnavailableException e) {
                throw new Reason4jException("reward 'code': " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(Problem problem, Completion completion) {
        CodeCheck check = check(problem, completion.text());
        if (check == null) {
            return Double.NaN;
        }
        Verdict verdict = verifier.verify(check);
        return switch (Judgement.of(verdict)) {
            case NOT_APPLICABLE -> Double.NaN;
            case CORRECT -> 1;
            case WRONG -> mode == Mode.FRACTION ? verdict.score() : 0;
        };
    }

    @Override
    public double failureValue(Problem problem, Completion completion) {
        return 0;
    }

    @Override
    public void close() {
        verifier.close();
    }

    /** The check for the problem's tests, or null when there are none or they cannot be read. */
    static CodeCheck check(Problem problem, String response) {
        if (problem.tests().isEmpty()) {
            return null;
        }
        if (problem.functionName() == null) {
            List<StdioTest> tests = new ArrayList<>();
            for (CodeTest t : problem.tests()) {
                if (t.isCallBased()) {
                    return null;
                }
                tests.add(new StdioTest(t.stdin(), t.expectedStdout()));
            }
            return CodeCheck.stdio(response, tests);
        }
        List<CallTest> tests = new ArrayList<>();
        for (CodeTest t : problem.tests()) {
            try {
                Object args = JSON.readValue(t.argsJson(), Object.class);
                if (!(args instanceof List<?> list)) {
                    return null;
                }
                tests.add(new CallTest(new ArrayList<Object>(list), JSON.readValue(t.expectedJson(), Object.class)));
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return CodeCheck.callBased(response, problem.functionName(), tests);
    }
}
