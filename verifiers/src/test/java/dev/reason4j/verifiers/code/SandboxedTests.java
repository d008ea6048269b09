package dev.reason4j.verifiers.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shared by the tests that run real programs. They need a working sandbox and fail (not skip)
 * without one: {@link #verifier()} throws the refusal.
 */
final class SandboxedTests {

    /** Short limits so that the hostile tests stay fast on two cores. */
    static final Limits LIMITS = new Limits(1, Duration.ofSeconds(2), 256 * Limits.MIB, 16, Limits.MIB, Limits.MIB);

    private SandboxedTests() {}

    static CodeVerifier verifier() {
        return CodeVerifier.create(CodeVerifierConfig.defaults().withLimits(LIMITS).withParallelism(2));
    }

    static String python(String code) {
        return "Here is my solution.\n```python\n" + code + "\n```\n";
    }

    /**
     * A prologue that re-executes the program with {@code marker} as an extra argument, so that
     * the program and every process it forks carry the marker in {@code /proc/PID/cmdline}.
     */
    static String marked(String marker, String code) {
        return "import os, sys\n"
                + "if " + pyString(marker) + " not in sys.argv:\n"
                + "    os.execv(sys.executable, [sys.executable] + sys.argv + [" + pyString(marker) + "])\n"
                + code;
    }

    static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Host processes whose command line or environment holds {@code marker}. */
    static List<String> processesWith(String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path proc : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                for (String part : List.of("cmdline", "environ")) {
                    byte[] content = readQuietly(proc.resolve(part));
                    if (contains(content, needle)) {
                        found.add(proc.getFileName() + " (" + part + "): "
                                + new String(readQuietly(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' '));
                    }
                }
            }
        }
        return found;
    }

    /** Nothing left behind: no marked process, no child of this JVM, an empty work root. */
    static void assertNothingLeftBehind(CodeVerifier verifier, String marker) throws IOException {
        assertEquals(List.of(), processesWith(marker), "processes carrying the marker survived the verdict");
        assertEquals(List.of(), ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                "the JVM still has child processes");
        try (Stream<Path> left = Files.list(verifier.workRoot())) {
            assertEquals(List.of(), left.toList(), "work dirs were not removed");
        }
    }

    private static byte[] readQuietly(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // the process ended meanwhile, or its environ is not ours to read
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
