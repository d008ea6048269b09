package dev.reason4j.verifiers.code;

import static dev.reason4j.verifiers.code.SandboxedTests.assertNothingLeftBehind;
import static dev.reason4j.verifiers.code.SandboxedTests.marked;
import static dev.reason4j.verifiers.code.SandboxedTests.pyString;
import static dev.reason4j.verifiers.code.SandboxedTests.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programs that attack the machine. Each must get the right verdict and leave nothing behind: no
 * process carrying its marker, no child of this JVM, no work dir, no file outside its work dir.
 * That this class keeps running after each one is the proof that the JVM survived it.
 */
@Timeout(30)
class HostileProgramTest {

    private static final List<StdioTest> ANSWER_42 = List.of(new StdioTest("", "42"));
    private static final List<StdioTest> DONE = List.of(new StdioTest("", "done"));
    private static CodeVerifier verifier;
    private String marker;

    @BeforeAll
    static void startSandbox() {
        verifier = SandboxedTests.verifier();
    }

    @AfterAll
    static void stopSandbox() {
        if (verifier != null) {
            verifier.close();
        }
    }

    @BeforeEach
    void newMarker() {
        marker = "r4j-hostile-" + UUID.randomUUID();
    }

    private Verdict run(String code, List<StdioTest> tests) throws Exception {
        Verdict verdict = verifier.verify(python(marked(marker, code)), tests);
        assertNothingLeftBehind(verifier, marker);
        return verdict;
    }

    @Test
    void infiniteLoopIsStoppedByTheCpuLimit() throws Exception {
        Verdict verdict = run("while True:\n    pass", ANSWER_42);
        assertEquals(Kind.TIMEOUT, verdict.kind(), verdict.reason());
    }

    @Test
    void sleepIsStoppedByTheWallClock() throws Exception {
        long start = System.nanoTime();
        Verdict verdict = run("import time\ntime.sleep(1000)", ANSWER_42);
        assertEquals(Kind.TIMEOUT, verdict.kind(), verdict.reason());
        assertTrue(verdict.reason().contains("wall-clock"), verdict.reason());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took more than 10 s");
    }

    @Test
    void forkBombIsContained() throws Exception {
        Verdict verdict = run("while True:\n    try:\n        os.fork()\n    except OSError:\n        pass", ANSWER_42);
        assertTrue(Set.of(Kind.TIMEOUT, Kind.RUNTIME_ERROR).contains(verdict.kind()), verdict.kind() + ": " + verdict.reason());
        assertSandboxStillWorks();
    }

    @Test
    void processLimitStopsForking() throws Exception {
        String code = "import time\nstarted = 0\nfor _ in range(200):\n    try:\n        if os.fork() == 0:\n"
                + "            time.sleep(5)\n            os._exit(0)\n        started += 1\n    except OSError:\n        break\n"
                + "print('limited' if started < 200 else 'unlimited', flush=True)\nos._exit(0)";
        Verdict verdict = run(code, List.of(new StdioTest("", "limited")));
        assertEquals(Kind.CORRECT, verdict.kind(), "RLIMIT_NPROC must hold inside the sandbox: " + verdict.reason());
    }

    @Test
    void memoryBombHitsTheMemoryLimit() throws Exception {
        Verdict verdict = run("chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))", ANSWER_42);
        assertEquals(Kind.MEMORY_LIMIT, verdict.kind(), verdict.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys.stdout", "sys.stderr"})
    void endlessOutputHitsTheOutputLimit(String stream) throws Exception {
        Verdict verdict = run("while True:\n    " + stream + ".write('y' * 4096)", ANSWER_42);
        assertEquals(Kind.OUTPUT_LIMIT, verdict.kind(), verdict.reason());
    }

    @Test
    void writesOutsideTheWorkDirNeverReachTheHost() throws Exception {
        Path shared = Files.createTempDirectory("r4j-hostile-target-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            List<Path> targets = List.of(Path.of("/tmp", marker), Path.of("/root", marker), Path.of("/", marker),
                    shared.resolve(marker), verifier.workRoot().resolve(marker), Path.of("/usr", marker),
                    Path.of("/etc", marker), Path.of("/var/tmp", marker));
            List<String> inSandbox = new ArrayList<>(targets.stream().map(Path::toString).toList());
            inSandbox.addAll(List.of("/tmp/../" + marker, "/sandbox/../" + marker, "../" + marker));
            String code = "for path in [" + inSandbox.stream().map(SandboxedTests::pyString).collect(Collectors.joining(", ")) + "]:\n"
                    + "    try:\n        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)\n"
                    + "        with open(path, 'w') as f:\n            f.write('escaped')\n    except OSError:\n        pass\n"
                    + "print('done')";
            Verdict verdict = run(code, DONE);
            assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
            for (Path target : targets) {
                assertFalse(Files.exists(target), target + " was written on the host");
            }
        } finally {
            WorkDirs.delete(shared);
        }
    }

    @Test
    void hostFilesOutsideTheSystemDirsAreInvisible() throws Exception {
        Path secretDir = Files.createTempDirectory("r4j-hostile-secret-");
        Path secret = secretDir.resolve("secret.txt");
        Files.writeString(secret, "host secret");
        Files.setPosixFilePermissions(secretDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            String code = "seen = []\nfor path in [" + pyString(secret.toString()) + ", '/root', '/home', '/work', '/proc/1/root/etc/hostname', "
                    + pyString(verifier.workRoot().toString()) + "]:\n"
                    + "    try:\n        open(path).read() if os.path.isfile(path) else os.listdir(path)\n        seen.append(path)\n"
                    + "    except OSError:\n        pass\n"
                    + "print('seen ' + ' '.join(seen) if seen else 'invisible')";
            Verdict verdict = run(code, List.of(new StdioTest("", "invisible")));
            assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
        } finally {
            WorkDirs.delete(secretDir);
        }
    }

    @Test
    void hostEnvironmentIsInvisible() throws Exception {
        Set<String> sandboxValues = Set.of("/usr/local/bin:/usr/bin:/bin", "/tmp", "C.UTF-8", "/sandbox");
        List<String> hostSecrets = System.getenv().values().stream()
                .filter(v -> v.length() >= 4 && sandboxValues.stream().noneMatch(s -> s.contains(v)))
                .distinct().toList();
        assertFalse(hostSecrets.isEmpty(), "the test needs some host environment to look for");
        String code = "import glob, json\nsecrets = json.loads(" + pyString(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(hostSecrets)) + ")\n"
                + "seen = [k + '=' + v for k, v in os.environ.items()]\n"
                + "for path in glob.glob('/proc/*/environ'):\n    try:\n        seen.append(open(path, 'rb').read().decode('utf-8', 'replace'))\n"
                + "    except OSError:\n        pass\n"
                + "leaks = [s for s in secrets if any(s in text for text in seen)]\n"
                + "print(' '.join(sorted(os.environ)))\nprint('leaked' if leaks else 'clean')";
        Verdict verdict = run(code, List.of(new StdioTest("", "HOME LANG PATH PWD PYTHONDONTWRITEBYTECODE PYTHONHASHSEED\nclean")));
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @Test
    void networkIsUnreachableEvenOnLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String code = "import socket\nresults = []\n"
                    + "for host in ['127.0.0.1', 'localhost', '::1']:\n    try:\n"
                    + "        socket.create_connection((host, " + server.getLocalPort() + "), timeout=1).close()\n"
                    + "        results.append('connected')\n    except OSError:\n        results.append('blocked')\n"
                    + "print(' '.join(results))";
            Verdict verdict = run(code, List.of(new StdioTest("", "blocked blocked blocked")));
            assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the server accepted a connection from the sandbox");
        }
    }

    /** A daemon closes its pipes; one that keeps them open would also hold up a careless reader. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void detachedChildrenDoNotOutliveTheCheck(boolean closesItsPipes) throws Exception {
        String code = "import time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                + (closesItsPipes ? "        os.closerange(0, 3)\n" : "")
                + "        time.sleep(1000)\n    os._exit(0)\n"
                + "os.wait()\nprint('done', flush=True)";
        Verdict verdict = run(code, DONE);
        assertEquals(Kind.CORRECT, verdict.kind(), verdict.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "os.kill(os.getppid(), 9)",
            "os.killpg(0, 9)",
            "os.kill(-1, 9)",
            "os.system('kill -9 -1')",
            "os.kill(1, 9)",
    })
    void killingTheParentHurtsNothingButTheProgram(String attack) throws Exception {
        Verdict verdict = run("import time\n" + attack + "\ntime.sleep(0.2)\nprint('survived')", ANSWER_42);
        assertTrue(Set.of(Kind.WRONG_ANSWER, Kind.RUNTIME_ERROR).contains(verdict.kind()), verdict.kind() + ": " + verdict.reason());
        assertSandboxStillWorks();
    }

    private static void assertSandboxStillWorks() {
        Verdict verdict = verifier.verify(python("print(6 * 7)"), ANSWER_42);
        assertEquals(Kind.CORRECT, verdict.kind(), "a normal program after the attack: " + verdict.reason());
    }
}
