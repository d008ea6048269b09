package dev.reason4j.verifiers.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How to find, check and run programs of one language inside the sandbox. Commands run with the
 * program's fresh working directory as the current directory and {@code sourceFile} in it.
 *
 * @param name          for messages
 * @param fenceLabels   code-block info strings that mark this language (see {@link CodeExtractor})
 * @param acceptUnlabeledBlocks whether an unlabeled code block is taken when no labeled one exists
 * @param sourceFile    the file name the program is written to
 * @param checkCommand  run once before any test; a non-zero exit is a compile error (empty: no check)
 * @param runCommand    runs the program for a stdin/stdout test
 * @param callHarness   how to run call-based tests, when the language supports them
 */
public record Language(String name, List<String> fenceLabels, boolean acceptUnlabeledBlocks, String sourceFile,
                       List<String> checkCommand, List<String> runCommand, Optional<CallHarness> callHarness) {

    /**
     * A fixed script, written next to the program, that imports it, calls a function with JSON
     * arguments read from stdin and prints the JSON result as the only line on stdout.
     *
     * @param fileName the script's file name
     * @param source   the script
     * @param command  runs the script
     */
    public record CallHarness(String fileName, String source, List<String> command) {
        public CallHarness {
            Objects.requireNonNull(fileName, "CallHarness.fileName");
            Objects.requireNonNull(source, "CallHarness.source");
            command = List.copyOf(command);
        }
    }

    public Language {
        Objects.requireNonNull(name, "Language.name");
        fenceLabels = List.copyOf(fenceLabels);
        Objects.requireNonNull(sourceFile, "Language.sourceFile");
        if (sourceFile.contains("/") || sourceFile.startsWith(".")) {
            throw new IllegalArgumentException("Language.sourceFile must be a plain file name, got '" + sourceFile + "'");
        }
        checkCommand = List.copyOf(checkCommand);
        runCommand = List.copyOf(runCommand);
        if (runCommand.isEmpty()) {
            throw new IllegalArgumentException("Language.runCommand must name a program to run");
        }
        Objects.requireNonNull(callHarness, "Language.callHarness (use Optional.empty())");
    }

    /**
     * Python 3 via the system {@code python3} (the one under /usr, which is what the sandbox can see).
     * Hash randomization is fixed so runs repeat exactly, and no bytecode is written.
     */
    public static Language python() {
        List<String> python = List.of("env", "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1", "python3");
        String source = "solution.py";
        String harnessFile = "reason4j_call_harness.py";
        List<String> check = concat(python, List.of("-c",
                "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", source));
        return new Language("python", List.of("python", "py", "python3"), true, source, check,
                concat(python, List.of(source)),
                Optional.of(new CallHarness(harnessFile, resource("call_harness.py"), concat(python, List.of(harnessFile)))));
    }

    public CodeExtractor extractor() {
        return new CodeExtractor(fenceLabels, acceptUnlabeledBlocks);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = Language.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the verifiers jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
