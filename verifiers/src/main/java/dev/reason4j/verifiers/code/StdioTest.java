package dev.reason4j.verifiers.code;

import java.util.Objects;

/**
 * A test that feeds {@code input} to the program's standard input and compares its standard
 * output with {@code expectedOutput} token by token (see {@link OutputComparator}).
 */
public record StdioTest(String input, String expectedOutput) {
    public StdioTest {
        Objects.requireNonNull(input, "StdioTest.input (use \"\" for no input)");
        Objects.requireNonNull(expectedOutput, "StdioTest.expectedOutput");
    }
}
