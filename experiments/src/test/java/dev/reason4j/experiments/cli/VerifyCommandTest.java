package dev.reason4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void scoresMathAndCodeRowsInOrderAndReportsBadRowsWithTheirLine() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": 1, \"response\": \"so \\\\boxed{\\\\dfrac{5}{6}}\", \"answer\": \"5/6\"}",
                "{\"id\": 2, \"response\": \"The answer is 123457.\", \"answer\": \"123456\"}",
                "{\"id\": 3, \"response\": \"```python\\nprint(int(input())*2)\\n```\", \"tests\": [{\"input\": \"21\\n\", \"output\": \"42\\n\"}]}",
                "{not json",
                "{\"id\": 5, \"response\": \"```python\\ndef f(a, b):\\n    return a + b\\n```\", \"fn_name\": \"f\", "
                        + "\"tests\": [{\"args\": [1, 2], \"expected\": 3}, {\"args\": [2, 2], \"expected\": 5}]}",
                "{\"id\": 6, \"answer\": \"3\"}") + "\n");
        Path out = tmp.resolve("out.jsonl");
        CliRun run = CliRun.of("verify", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            rows.add(JSON.readTree(line));
        }
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).get("correct").asBoolean(), rows.get(0).toString());
        assertEquals(1, rows.get(0).get("id").asInt(), "input fields are echoed");
        assertFalse(rows.get(1).get("correct").asBoolean(), "no tolerance between two exact integers");
        assertTrue(rows.get(2).get("correct").asBoolean(), rows.get(2).toString());
        assertTrue(rows.get(3).get("error").asText().startsWith("line 4:"), rows.get(3).toString());
        assertEquals(0.5, rows.get(4).get("score").asDouble(), 1e-12, rows.get(4).toString());
        assertFalse(rows.get(4).get("correct").asBoolean());
        assertTrue(rows.get(5).get("error").asText().contains("response"), rows.get(5).toString());
    }

    @Test
    void missingInputIsAUserError() {
        CliRun run = CliRun.of("verify", "--input", tmp.resolve("absent.jsonl").toString());
        assertEquals(Main.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("absent.jsonl"), run.err());
    }
}
