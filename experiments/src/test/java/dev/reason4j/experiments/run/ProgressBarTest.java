package dev.reason4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void aLineShowsStepBarMetricsAndTheTimeLeftAtThePaceSoFar() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "grpo", false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reward_mean", 0.4567);
        m.put("accuracy", 0.25);
        m.put("kl", 0.00123);
        m.put("rollout_tokens_per_s", 1234.4);
        m.put("loss", Double.NaN);
        String line = bar.line(5, 20, m, 50.0, 5);
        assertEquals("grpo 5/20 [#####---------------]  reward 0.457  acc 0.250  kl 0.0012  tok/s 1234  ETA 2m30s", line);
    }

    @Test
    void durationsReadAsHoursMinutesSeconds() {
        assertEquals("42s", ProgressBar.duration(42));
        assertEquals("1m15s", ProgressBar.duration(75));
        assertEquals("1h01m", ProgressBar.duration(3700));
    }

    @Test
    void withoutATerminalEachStepIsItsOwnLine() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "sft", false);
        bar.step(1, 2, Map.of());
        bar.step(2, 2, Map.of());
        assertEquals(2, out.toString().lines().count());
        assertTrue(out.toString().startsWith("sft 1/2 ["), out.toString());
    }
}
