package dev.reason4j.verifiers.code;

import static dev.reason4j.verifiers.code.SandboxedTests.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SandboxProbeTest {

    @Test
    void bubblewrapWorksOnThisMachine() {
        try (WorkDirs dirs = new WorkDirs(Path.of(System.getProperty("java.io.tmpdir")))) {
            SandboxProbe.Result result = SandboxProbe.probe(dirs.root());
            assertTrue(result.sandbox().isPresent(), "no sandbox works here: " + SandboxProbe.refusal(result.failures()));
            assertTrue(result.sandbox().get() instanceof BubblewrapSandbox, result.sandbox().get().description());
        }
    }

    @Test
    void refusalSaysHowToInstallBubblewrap() {
        String message = SandboxProbe.refusal(List.of("bwrap is not installed (not found on PATH)"));
        assertTrue(message.contains("apt-get install -y bubblewrap"), message);
        assertTrue(message.contains("allowUnsafeLocal"), message);
    }

    @Test
    void brokenSandboxGivesInfrastructureFailureNotAVerdictOnTheProgram() {
        Sandbox broken = (command, stdin, workDir, limits) -> ExecResult.sandboxFailure("bwrap: setting up uid map: Permission denied", Duration.ZERO);
        try (CodeVerifier verifier = CodeVerifier.withSandbox(CodeVerifierConfig.defaults(), broken)) {
            Verdict verdict = verifier.verify(python("print(42)"), List.of(new StdioTest("", "42")));
            assertEquals(Kind.INFRASTRUCTURE_FAILURE, verdict.kind());
            assertFalse(verdict.judged());
            assertTrue(verdict.reason().contains("Permission denied"), verdict.reason());
        }
    }

    @Test
    void programCannotPassItselfOffAsASandboxFailure() {
        try (CodeVerifier verifier = SandboxedTests.verifier()) {
            Verdict verdict = verifier.verify(python("import sys\nsys.stderr.write('bwrap: Creating new namespace failed\\n')\nsys.exit(1)"),
                    List.of(new StdioTest("", "42")));
            assertEquals(Kind.RUNTIME_ERROR, verdict.kind(), verdict.reason());
            assertTrue(verdict.judged());
        }
    }

    @Test
    void bubblewrapCommandLineHasTheIsolationFlags() {
        BubblewrapSandbox sandbox = BubblewrapSandbox.asUser("/usr/bin/bwrap", "/usr/bin/setpriv", 65534);
        List<String> argv = sandbox.commandLine(List.of("python3", "solution.py"), Path.of("/tmp/w"), SandboxedTests.LIMITS);
        String line = String.join(" ", argv);
        for (String flag : List.of("--reuid=65534", "--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--die-with-parent",
                "--new-session", "--cap-drop ALL", "--clearenv", "--tmpfs /tmp", "--bind /tmp/w /sandbox", "--remount-ro /",
                "--cpu=1:2", "--as=268435456", "--nproc=16", "--fsize=1048576", "python3 solution.py")) {
            assertTrue(line.contains(flag), "missing " + flag + " in " + line);
        }
        assertFalse(line.contains("--share-net"), line);
    }

    @Test
    void unsafeLocalSandboxStillAppliesLimitsAndJudges() {
        CodeVerifierConfig config = CodeVerifierConfig.defaults().withLimits(SandboxedTests.LIMITS).withAllowUnsafeLocal(true);
        try (CodeVerifier verifier = CodeVerifier.withSandbox(config, new UnsafeLocalSandbox())) {
            assertEquals(Kind.CORRECT, verifier.verify(python("print(6 * 7)"), List.of(new StdioTest("", "42"))).kind());
            assertEquals(Kind.TIMEOUT, verifier.verify(python("while True:\n    pass"), List.of(new StdioTest("", "42"))).kind());
        }
    }
}
