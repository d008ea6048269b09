package dev.reason4j.verifiers.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reason4j.verifiers.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one program's compile check and tests, each in a fresh work dir that is removed afterwards,
 * and judges each run. Stateless apart from its collaborators, so one instance serves all threads.
 */
final class ProgramRunner {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json.dumps writes NaN and Infinity
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Sandbox sandbox;
    private final WorkDirs workDirs;
    private final Language language;
    private final Limits limits;
    private final OutputComparator outputs;
    private final JsonComparator values;

    ProgramRunner(Sandbox sandbox, WorkDirs workDirs, Language language, Limits limits, Tolerance tolerance) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.workDirs = Objects.requireNonNull(workDirs, "workDirs");
        this.language = Objects.requireNonNull(language, "language");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.outputs = new OutputComparator(tolerance);
        this.values = new JsonComparator(tolerance);
    }

    /** Empty when the program compiles; else a COMPILE_ERROR (or INFRASTRUCTURE_FAILURE) outcome. */
    Optional<TestOutcome> compileCheck(String code) {
        if (language.checkCommand().isEmpty()) {
            return Optional.empty();
        }
        ExecResult run = run(Map.of(language.sourceFile(), bytes(code)), language.checkCommand(), new byte[0]);
        Optional<TestOutcome> failure = TestOutcome.failureOf(run);
        if (failure.isEmpty() || failure.get().kind() == Verdict.Kind.INFRASTRUCTURE_FAILURE) {
            return failure;
        }
        return Optional.of(new TestOutcome(Verdict.Kind.COMPILE_ERROR, "does not compile: " + failure.get().detail()));
    }

    TestOutcome runStdio(String code, StdioTest test) {
        ExecResult run = run(Map.of(language.sourceFile(), bytes(code)), language.runCommand(), bytes(test.input()));
        Optional<TestOutcome> failure = TestOutcome.failureOf(run);
        if (failure.isPresent()) {
            return failure.get();
        }
        return outputs.difference(test.expectedOutput(), run.stdoutText())
                .map(diff -> new TestOutcome(Verdict.Kind.WRONG_ANSWER, "wrong answer: " + diff))
                .orElseGet(TestOutcome::passed);
    }

    TestOutcome runCall(String code, String functionName, CallTest test) {
        Language.CallHarness harness = language.callHarness().orElseThrow(() -> new IllegalStateException(
                "call-based tests are not supported for " + language.name()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(language.sourceFile(), bytes(code));
        files.put(harness.fileName(), bytes(harness.source()));
        byte[] request;
        JsonNode expected;
        try {
            request = JSON.writeValueAsBytes(Map.of("module", moduleName(), "fn_name", functionName, "args", test.args()));
            expected = JSON.valueToTree(test.expected());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new TestOutcome(Verdict.Kind.NOT_APPLICABLE, "the test's arguments or expected value have no JSON form: " + e.getMessage());
        }
        ExecResult run = run(files, harness.command(), request);
        Optional<TestOutcome> failure = TestOutcome.failureOf(run);
        if (failure.isPresent()) {
            return failure.get();
        }
        return compareResult(expected, run.stdoutText());
    }

    private TestOutcome compareResult(JsonNode expected, String stdout) {
        JsonNode actual;
        try {
            actual = JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            actual = null;
        }
        if (actual == null || actual.isMissingNode()) {
            return new TestOutcome(Verdict.Kind.WRONG_ANSWER, "wrong answer: the result is not one JSON value");
        }
        return values.difference(expected, actual)
                .map(diff -> new TestOutcome(Verdict.Kind.WRONG_ANSWER, "wrong answer: " + diff))
                .orElseGet(TestOutcome::passed);
    }

    private String moduleName() {
        String file = language.sourceFile();
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    private ExecResult run(Map<String, byte[]> files, List<String> command, byte[] stdin) {
        Path dir;
        try {
            dir = workDirs.create(files);
        } catch (IOException e) {
            return ExecResult.sandboxFailure("cannot create a work dir under " + workDirs.root() + ": " + e.getMessage(),
                    Duration.ZERO);
        }
        try {
            return sandbox.run(command, stdin, dir, limits);
        } finally {
            WorkDirs.delete(dir);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
