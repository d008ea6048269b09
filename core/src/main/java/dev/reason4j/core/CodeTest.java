package dev.reason4j.core;

/**
 * One test of a program. Either stdin → expected stdout, or call-based: the problem's function is
 * called with {@code argsJson} (a JSON array) and must return {@code expectedJson}.
 *
 * @param stdin          input for a stdin/stdout test, or null for a call-based test
 * @param expectedStdout expected output of a stdin/stdout test, or null
 * @param argsJson       JSON array of arguments of a call-based test, or null
 * @param expectedJson   JSON of the expected return value of a call-based test, or null
 */
public record CodeTest(String stdin, String expectedStdout, String argsJson, String expectedJson) {
    public CodeTest {
        boolean stdio = stdin != null && expectedStdout != null;
        boolean call = argsJson != null && expectedJson != null;
        if (stdio == call) {
            throw new Reason4jException("a CodeTest is either stdin/expected stdout or call-based args/expected JSON, not "
                    + (stdio ? "both" : "neither"));
        }
    }

    public static CodeTest stdio(String stdin, String expectedStdout) {
        return new CodeTest(stdin, expectedStdout, null, null);
    }

    public static CodeTest call(String argsJson, String expectedJson) {
        return new CodeTest(null, null, argsJson, expectedJson);
    }

    public boolean isCallBased() {
        return argsJson != null;
    }
}
