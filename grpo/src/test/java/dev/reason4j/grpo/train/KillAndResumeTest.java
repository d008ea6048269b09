package dev.reason4j.grpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.model.safetensors.SafetensorsCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed twice (once between checkpoints, once inside a checkpoint write) and resumed gives the
 * same per-step metrics and bit-identical final weights as a run never interrupted.
 */
class KillAndResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEPS = 8; // checkpoints every 5 steps and at the end; see TinyRun.settings
    private static final List<String> DETERMINISTIC = List.of("step", "reward_mean", "reward_std", "loss", "policy_loss",
            "grad_norm", "clip_fraction_low", "clip_fraction_high", "completion_length_mean", "entropy", "learning_rate");

    @TempDir
    Path tmp;

    @Test
    @Timeout(240)
    void killedAndResumedRunMatchesAnUninterruptedOneBitForBit() throws Exception {
        Path model = tmp.resolve("model");
        TinyRun.initModel(model);

        Path straight = tmp.resolve("straight");
        assertEquals(0, child(model, straight, 0, 0));

        Path resumed = tmp.resolve("resumed");
        assertEquals(ResumeRunMain.KILLED, child(model, resumed, 7, 0), "killed after step 7 (last checkpoint: step 5)");
        assertEquals(ResumeRunMain.KILLED, child(model, resumed, 0, 8), "killed inside the final checkpoint's write");
        try (Stream<Path> left = Files.list(resumed.resolve("checkpoints"))) {
            assertTrue(left.anyMatch(p -> p.getFileName().toString().contains(".tmp")), "an uncommitted checkpoint was left behind");
        }
        assertEquals("step-5", Files.readString(resumed.resolve("checkpoints/latest")).trim(), "the half-written one is not latest");
        assertEquals(0, child(model, resumed, 0, 0));

        assertEquals(metrics(straight), metrics(resumed));
        assertEquals(STEPS, metrics(straight).size());
        assertEquals(weightsHash(straight.resolve("checkpoints/step-8")), weightsHash(resumed.resolve("checkpoints/step-8")));
    }

    private static int child(Path model, Path run, long killAfter, long killInCheckpoint) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx2g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                ResumeRunMain.class.getName(), model.toString(), run.toString(), String.valueOf(STEPS),
                String.valueOf(killAfter), String.valueOf(killInCheckpoint));
        pb.environment().put("DJL_OFFLINE", "true");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolveSibling(run.getFileName() + ".log").toFile()));
        Process p = pb.start();
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child run did not finish");
        }
        return p.exitValue();
    }

    /** The deterministic fields of every training step (timings excluded). */
    private static List<String> metrics(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.has("event")) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (String k : DETERMINISTIC) {
                sb.append(k).append('=').append(n.get(k)).append(' ');
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String weightsHash(Path checkpoint) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(checkpoint)) {
            for (String name : c.names()) {
                for (float f : c.readFloats(name)) {
                    int bits = Float.floatToRawIntBits(f);
                    sha.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
