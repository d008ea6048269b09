package dev.reason4j.verifiers.code;

import java.util.List;
import java.util.Objects;

/**
 * One response to check, for {@link CodeVerifier#verifyAll}: stdin/stdout tests, or call-based
 * tests of {@code functionName}.
 */
public record CodeCheck(String response, List<StdioTest> stdioTests, String functionName, List<CallTest> callTests) {

    public CodeCheck {
        Objects.requireNonNull(response, "CodeCheck.response");
        stdioTests = List.copyOf(stdioTests);
        callTests = List.copyOf(callTests);
        if (functionName == null && !callTests.isEmpty()) {
            throw new IllegalArgumentException("CodeCheck.functionName is required with call-based tests");
        }
        if (functionName != null && !stdioTests.isEmpty()) {
            throw new IllegalArgumentException("CodeCheck has both stdin/stdout tests and a function name: use one form");
        }
    }

    public static CodeCheck stdio(String response, List<StdioTest> tests) {
        return new CodeCheck(response, tests, null, List.of());
    }

    public static CodeCheck callBased(String response, String functionName, List<CallTest> tests) {
        return new CodeCheck(response, List.of(), Objects.requireNonNull(functionName, "functionName"), tests);
    }

    boolean isCallBased() {
        return functionName != null;
    }
}
